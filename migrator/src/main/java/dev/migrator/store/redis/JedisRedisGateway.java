package dev.migrator.store.redis;

import dev.migrator.support.TransientException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.RestoreParams;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * {@link RedisGateway} on Jedis, for one server or a cluster ({@link RedisNodes}): each batch one pipeline. A
 * cluster's SCAN walks its primaries one after another, the cursor naming which ({@code 2:1234}). Connection
 * failures and a server busy loading become {@link TransientException}s naming the endpoint; messages never hold a
 * credential.
 */
final class JedisRedisGateway implements RedisGateway {
    private final RedisConnection connection;
    private final String name;
    private List<String> nodes;

    JedisRedisGateway(RedisConnection connection) {
        this.connection = connection;
        this.name = connection.endpoint().describe();
    }

    @Override
    public RedisInfo info() {
        return guarded(() -> new InfoReader(connection.nodes(), nodes(), connection.endpoint().database()).read());
    }

    private synchronized List<String> nodes() {
        if (nodes == null) {
            nodes = connection.nodes().nodes();
        }
        return nodes;
    }

    @Override
    public ScanPage scan(String cursor, Optional<String> match, int count) {
        return guarded(() -> {
            List<String> all = nodes();
            int node = cursor.contains(":") ? Integer.parseInt(cursor.substring(0, cursor.indexOf(':'))) : 0;
            String at = cursor.contains(":") ? cursor.substring(cursor.indexOf(':') + 1) : cursor;
            ScanParams params = new ScanParams().count(count);
            match.ifPresent(m -> params.match(m.getBytes(StandardCharsets.UTF_8)));
            ScanResult<byte[]> page = connection.nodes().onNode(all.get(node),
                    jedis -> jedis.scan(at.getBytes(StandardCharsets.US_ASCII), params));
            String next = page.getCursor();
            if ("0".equals(next) && node + 1 < all.size()) {
                return new ScanPage((node + 1) + ":0", page.getResult());
            }
            return new ScanPage("0".equals(next) || all.size() == 1 ? next : node + ":" + next, page.getResult());
        });
    }

    @Override
    public List<Dumped> dump(List<byte[]> keys) {
        return guarded(() -> connection.nodes().pipelined(p -> {
            List<Response<byte[]>> payloads = new ArrayList<>();
            List<Response<Long>> ttls = new ArrayList<>();
            for (byte[] key : keys) {
                payloads.add(p.dump(key));
                ttls.add(p.pttl(key));
            }
            return () -> {
                long now = System.nanoTime();
                List<Dumped> dumped = new ArrayList<>(keys.size());
                for (int i = 0; i < keys.size(); i++) {
                    dumped.add(new Dumped(keys.get(i), payloads.get(i).get(), ttls.get(i).get(), now));
                }
                return dumped;
            };
        }));
    }

    @Override
    public List<Written> restore(List<Restore> restores) {
        return guarded(() -> connection.nodes().pipelined(p -> {
            List<Response<String>> answers = new ArrayList<>();
            for (Restore r : restores) {
                RestoreParams params = RestoreParams.restoreParams();
                answers.add(p.restore(r.key(), r.ttlMillis(), r.payload(), r.replace() ? params.replace() : params));
            }
            return () -> {
                List<Written> written = new ArrayList<>(restores.size());
                for (int i = 0; i < restores.size(); i++) {
                    written.add(outcome(restores.get(i).key(), answers.get(i)));
                }
                return written;
            };
        }));
    }

    private static Written outcome(byte[] key, Response<?> answer) {
        try {
            answer.get();
            return Written.ok(key);
        } catch (JedisDataException e) {
            String message = String.valueOf(e.getMessage());
            return message.startsWith("BUSYKEY") ? new Written(key, Written.Status.EXISTS, message)
                    : new Written(key, Written.Status.FAILED, message);
        }
    }

    @Override
    public List<TypedValue> read(List<byte[]> keys) {
        return guarded(() -> TypedReads.read(connection.nodes(), keys));
    }

    @Override
    public List<Fingerprint> fingerprints(List<byte[]> keys) {
        return guarded(() -> Fingerprints.read(connection.nodes(), keys));
    }

    @Override
    public List<Written> write(List<TypedValue> values, List<Long> ttlMillis, boolean replace) {
        return guarded(() -> TypedWrites.write(connection.nodes(), values, ttlMillis, replace));
    }

    @Override
    public List<Boolean> exists(List<byte[]> keys) {
        return guarded(() -> connection.nodes().pipelined(p -> {
            List<Response<Boolean>> answers = keys.stream().map(p::exists).toList();
            return () -> answers.stream().map(Response::get).toList();
        }));
    }

    @Override
    public long delete(List<byte[]> keys) {
        return keys.isEmpty() ? 0 : guarded(() -> connection.nodes().pipelined(p -> {
            List<Response<Long>> answers = keys.stream().map(p::del).toList();
            return () -> answers.stream().mapToLong(Response::get).sum();
        }));
    }

    @Override
    public Subscription subscribe(Consumer<byte[]> changed) throws InterruptedException {
        List<KeyspaceSubscription> subscriptions = new ArrayList<>();
        try {
            for (String node : nodes()) {
                subscriptions.add(KeyspaceSubscription.start(connection.nodes().dedicated(node), connection.endpoint().database(),
                        node, changed));
            }
        } catch (RuntimeException | InterruptedException e) {
            for (KeyspaceSubscription s : subscriptions) {
                s.close();
            }
            throw e;
        }
        return new Subscription() {
            @Override
            public boolean following() throws InterruptedException {
                for (KeyspaceSubscription s : subscriptions) {
                    if (!s.following()) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public void close() throws InterruptedException {
                for (KeyspaceSubscription s : subscriptions) {
                    s.close();
                }
            }
        };
    }

    @Override
    public void close() {
        connection.close();
    }

    /** Runs {@code body}; a lost connection or a busy server is transient, another server error names the endpoint. */
    private <T> T guarded(Supplier<T> body) {
        try {
            return body.get();
        } catch (JedisConnectionException e) {
            throw new TransientException("Redis " + name + " could not be reached: " + rootMessage(e), e);
        } catch (JedisDataException e) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("LOADING") || message.startsWith("BUSY ") || message.startsWith("TRYAGAIN")
                    || message.startsWith("MASTERDOWN") || message.startsWith("CLUSTERDOWN")) {
                throw new TransientException("Redis " + name + ": " + message, e);
            }
            throw new IllegalStateException("Redis " + name + ": " + message, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
