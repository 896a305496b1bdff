package dev.migrator.store.redis;

import dev.migrator.support.TransientException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.RestoreParams;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * {@link RedisGateway} on Jedis: one connection pool per server (opened on first use, so a missing password is a
 * preflight finding), each batch one pipeline. Connection failures and a server busy loading become
 * {@link TransientException}s naming the server; the messages never hold a credential.
 */
final class JedisRedisGateway implements RedisGateway {
    private final RedisConnection connection;
    private final String name;

    JedisRedisGateway(RedisConnection connection) {
        this.connection = connection;
        this.name = connection.endpoint().describe();
    }

    @Override
    public RedisInfo info() {
        return with(jedis -> new InfoReader(jedis, connection.endpoint().database()).read());
    }

    @Override
    public ScanPage scan(String cursor, Optional<String> match, int count) {
        ScanParams params = new ScanParams().count(count);
        match.ifPresent(m -> params.match(m.getBytes(StandardCharsets.UTF_8)));
        ScanResult<byte[]> page = with(jedis -> jedis.scan(cursor.getBytes(StandardCharsets.US_ASCII), params));
        return new ScanPage(page.getCursor(), page.getResult());
    }

    @Override
    public List<Dumped> dump(List<byte[]> keys) {
        return pipelined(p -> {
            List<Response<byte[]>> payloads = new ArrayList<>();
            List<Response<Long>> ttls = new ArrayList<>();
            for (byte[] key : keys) {
                payloads.add(p.dump(key));
                ttls.add(p.pttl(key));
            }
            p.sync();
            long now = System.nanoTime();
            List<Dumped> dumped = new ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                dumped.add(new Dumped(keys.get(i), payloads.get(i).get(), ttls.get(i).get(), now));
            }
            return dumped;
        });
    }

    @Override
    public List<Written> restore(List<Restore> restores) {
        return pipelined(p -> {
            List<Response<String>> answers = new ArrayList<>();
            for (Restore r : restores) {
                RestoreParams params = RestoreParams.restoreParams();
                answers.add(p.restore(r.key(), r.ttlMillis(), r.payload(), r.replace() ? params.replace() : params));
            }
            p.sync();
            List<Written> written = new ArrayList<>(restores.size());
            for (int i = 0; i < restores.size(); i++) {
                written.add(outcome(restores.get(i).key(), answers.get(i)));
            }
            return written;
        });
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
        return with(jedis -> TypedReads.read(jedis, keys));
    }

    @Override
    public List<Written> write(List<TypedValue> values, List<Long> ttlMillis, boolean replace) {
        return with(jedis -> TypedWrites.write(jedis, values, ttlMillis, replace));
    }

    @Override
    public List<Boolean> exists(List<byte[]> keys) {
        return pipelined(p -> {
            List<Response<Boolean>> answers = keys.stream().map(p::exists).toList();
            p.sync();
            return answers.stream().map(Response::get).toList();
        });
    }

    @Override
    public long delete(List<byte[]> keys) {
        return keys.isEmpty() ? 0 : with(jedis -> jedis.del(keys.toArray(new byte[0][])));
    }

    @Override
    public long size() {
        return with(Jedis::dbSize);
    }

    @Override
    public AutoCloseable subscribe(java.util.function.Consumer<byte[]> changed) throws InterruptedException {
        return KeyspaceSubscription.start(connection, changed);
    }

    @Override
    public void close() {
        connection.close();
    }

    private <T> T pipelined(Function<Pipeline, T> body) {
        return with(jedis -> {
            try (Pipeline p = jedis.pipelined()) {
                return body.apply(p);
            }
        });
    }

    /** Runs {@code body} on a pooled connection; a lost connection or a busy server is transient. */
    private <T> T with(Function<Jedis, T> body) {
        try (Jedis jedis = connection.pool().getResource()) {
            return body.apply(jedis);
        } catch (JedisConnectionException e) {
            throw new TransientException("Redis " + name + " could not be reached: " + rootMessage(e), e);
        } catch (JedisDataException e) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("LOADING") || message.startsWith("BUSY ") || message.startsWith("TRYAGAIN")
                    || message.startsWith("MASTERDOWN")) {
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

    /** Unused pools are never opened; tests and the module build gateways through this. */
    static JedisRedisGateway of(RedisConnection connection) {
        return new JedisRedisGateway(connection);
    }

    static Map<String, String> parseInfo(String text) {
        Map<String, String> fields = new java.util.HashMap<>();
        for (String line : text.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return fields;
    }
}
