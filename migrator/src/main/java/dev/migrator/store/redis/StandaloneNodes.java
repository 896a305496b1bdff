package dev.migrator.store.redis;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.PipeliningBase;
import redis.clients.jedis.Transaction;

/** One server through a pool of connections, each batch on one connection. */
final class StandaloneNodes implements RedisNodes {
    private final HostAndPort address;
    private final JedisClientConfig config;
    private final JedisPool pool;

    StandaloneNodes(HostAndPort address, JedisClientConfig config, int poolSize) {
        this.address = address;
        this.config = config;
        JedisPoolConfig pooling = new JedisPoolConfig();
        pooling.setMaxTotal(poolSize);
        pooling.setMaxIdle(poolSize);
        pooling.setJmxEnabled(false);
        this.pool = new JedisPool(pooling, address, config);
    }

    @Override
    public List<String> nodes() {
        return List.of(address.toString());
    }

    @Override
    public <T> T onNode(String node, Function<Jedis, T> body) {
        try (Jedis jedis = pool.getResource()) {
            return body.apply(jedis);
        }
    }

    @Override
    public <T> T pipelined(Function<AbstractPipeline, Supplier<T>> body) {
        try (Jedis jedis = pool.getResource(); Pipeline p = jedis.pipelined()) {
            Supplier<T> answers = body.apply(p);
            p.sync();
            return answers.get();
        }
    }

    @Override
    public void atomically(Consumer<PipeliningBase> commands) {
        try (Jedis jedis = pool.getResource(); Transaction t = jedis.multi()) {
            commands.accept(t);
            t.exec();
        }
    }

    @Override
    public Jedis dedicated(String node) {
        return new Jedis(address, config);
    }

    @Override
    public void close() {
        pool.close();
    }
}
