package dev.migrator.store.redis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.Jedis;

/**
 * Follows one database's keyspace notifications ({@code __keyspace@<db>__:<key>}) on a connection and thread of its
 * own, handing each changed key on; the server sends them only where the operator enabled notify-keyspace-events.
 */
final class KeyspaceSubscription implements AutoCloseable {
    /** How long {@link #following} waits for the server's answer to a PING on the subscription. */
    private static final long PONG_MILLIS = 5_000;
    /** The permits the subscriber's thread leaves when it ends: more than any number of answers. */
    private static final int ENDED = Integer.MAX_VALUE / 2;

    private final Jedis jedis;
    private final BinaryJedisPubSub pubSub;
    private final Thread thread;
    private final Semaphore pongs;

    private KeyspaceSubscription(Jedis jedis, BinaryJedisPubSub pubSub, Thread thread, Semaphore pongs) {
        this.jedis = jedis;
        this.pubSub = pubSub;
        this.thread = thread;
        this.pongs = pongs;
    }

    /** Subscribes on {@code jedis}, a connection of its own to {@code node}, which the subscription closes. */
    static KeyspaceSubscription start(Jedis jedis, int database, String node, Consumer<byte[]> changed) throws InterruptedException {
        byte[] prefix = ("__keyspace@" + database + "__:").getBytes(StandardCharsets.US_ASCII);
        CountDownLatch subscribed = new CountDownLatch(1);
        Semaphore pongs = new Semaphore(0);
        BinaryJedisPubSub pubSub = new BinaryJedisPubSub() {
            @Override
            public void onPong(byte[] pattern) {
                pongs.release();
            }

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
            } finally {
                pongs.release(ENDED); // no answer will come: whoever waits for one stops waiting
            }
        }, "keyspace-" + node);
        thread.setDaemon(true);
        thread.start();
        if (!subscribed.await(10, TimeUnit.SECONDS) || !pubSub.isSubscribed()) {
            jedis.close();
            throw new IllegalStateException("could not subscribe to the keyspace notifications of " + node);
        }
        return new KeyspaceSubscription(jedis, pubSub, thread, pongs);
    }

    /**
     * Whether the subscription still receives notifications, asked of the server: a connection the server dropped
     * (CLIENT KILL, its pub/sub output limit) is noticed by the subscriber's thread only some time later, and a pass
     * that trusted it in between would miss the keys changed since. A PING on the subscription answers through
     * it, or its thread ends.
     */
    boolean following() throws InterruptedException {
        if (!thread.isAlive() || !pubSub.isSubscribed()) {
            return false;
        }
        try {
            pubSub.ping();
        } catch (RuntimeException dropped) {
            return false;
        }
        // a permit from the thread's end (it ended, or ends now) is no answer; more than half the permits are there then
        return pongs.tryAcquire(PONG_MILLIS, TimeUnit.MILLISECONDS) && pongs.availablePermits() < ENDED / 2;
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
