package dev.migrator.store.redis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.Jedis;

/**
 * Follows one database's keyspace notifications ({@code __keyspace@<db>__:<key>}) on a connection and thread of its
 * own, handing each changed key on; the server sends them only where the operator enabled notify-keyspace-events.
 */
final class KeyspaceSubscription implements AutoCloseable {
    private final Jedis jedis;
    private final BinaryJedisPubSub pubSub;
    private final Thread thread;

    private KeyspaceSubscription(Jedis jedis, BinaryJedisPubSub pubSub, Thread thread) {
        this.jedis = jedis;
        this.pubSub = pubSub;
        this.thread = thread;
    }

    /** Subscribes on {@code jedis}, a connection of its own to {@code node}, which the subscription closes. */
    static KeyspaceSubscription start(Jedis jedis, int database, String node, Consumer<byte[]> changed) throws InterruptedException {
        byte[] prefix = ("__keyspace@" + database + "__:").getBytes(StandardCharsets.US_ASCII);
        CountDownLatch subscribed = new CountDownLatch(1);
        BinaryJedisPubSub pubSub = new BinaryJedisPubSub() {
            @Override
            public void onPMessage(byte[] pattern, byte[] channel, byte[] message) {
                changed.accept(Arrays.copyOfRange(channel, prefix.length, channel.length));
            }

            @Override
            public void onPSubscribe(byte[] pattern, int subscribedChannels) {
                subscribed.countDown();
            }
        };
        byte[] pattern = Arrays.copyOf(prefix, prefix.length + 1);
        pattern[prefix.length] = '*';
        Thread thread = new Thread(() -> {
            try {
                jedis.psubscribe(pubSub, pattern);
            } catch (RuntimeException e) {
                subscribed.countDown(); // closed, or the connection dropped: the pass that waits sees it is not subscribed
            }
        }, "keyspace-" + node);
        thread.setDaemon(true);
        thread.start();
        if (!subscribed.await(10, TimeUnit.SECONDS) || !pubSub.isSubscribed()) {
            jedis.close();
            throw new IllegalStateException("could not subscribe to the keyspace notifications of " + node);
        }
        return new KeyspaceSubscription(jedis, pubSub, thread);
    }

    boolean following() {
        return thread.isAlive() && pubSub.isSubscribed();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            if (pubSub.isSubscribed()) {
                pubSub.punsubscribe();
            }
        } catch (RuntimeException dropped) {
            // the connection is gone already (the server dropped the subscriber): nothing to unsubscribe
        }
        thread.join(5_000);
        try {
            jedis.close();
        } catch (RuntimeException dropped) {
            // as above
        }
    }
}
