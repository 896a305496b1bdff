package dev.migrator.store.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.ClusterPipeline;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.PipeliningBase;

/**
 * A Redis cluster (ElastiCache with cluster mode enabled, MemoryDB) through Jedis's cluster client: key batches go
 * through cluster pipelines (each key to its slot's primary), SCAN and INFO to each primary, found with CLUSTER
 * SLOTS and ordered by their first slot.
 */
final class ClusterNodes implements RedisNodes {
    private final JedisCluster cluster;
    private final JedisClientConfig config;

    ClusterNodes(HostAndPort seed, JedisClientConfig config, int poolSize) {
        ConnectionPoolConfig pooling = new ConnectionPoolConfig();
        pooling.setMaxTotal(poolSize);
        pooling.setMaxIdle(poolSize);
        pooling.setJmxEnabled(false);
        this.cluster = new JedisCluster(Set.of(seed), config, 5, pooling);
        this.config = config;
    }

    /** The primaries by their first slot: CLUSTER SLOTS answers [start, end, [host, port, id], replicas...] per range. */
    @Override
    public List<String> nodes() {
        Map<String, Long> firstSlot = new TreeMap<>();
        List<Object> ranges = onAny(Jedis::clusterSlots);
        for (Object r : ranges) {
            List<?> range = (List<?>) r;
            List<?> primary = (List<?>) range.get(2);
            String host = primary.get(0) instanceof byte[] b ? new String(b, StandardCharsets.US_ASCII) : String.valueOf(primary.get(0));
            String node = host + ":" + primary.get(1);
            firstSlot.merge(node, (Long) range.get(0), Math::min);
        }
        List<String> nodes = new ArrayList<>(firstSlot.keySet());
        nodes.sort(Comparator.comparing(firstSlot::get));
        return nodes;
    }

    private <T> T onAny(Function<Jedis, T> body) {
        Map<String, ConnectionPool> pools = cluster.getClusterNodes();
        return onPool(pools.values().iterator().next(), body);
    }

    @Override
    public <T> T onNode(String node, Function<Jedis, T> body) {
        ConnectionPool pool = cluster.getClusterNodes().get(node);
        if (pool == null) {
            throw new IllegalStateException("cluster node " + node + " is no longer a member (the cluster's shards changed)");
        }
        return onPool(pool, body);
    }

    private static <T> T onPool(ConnectionPool pool, Function<Jedis, T> body) {
        try (Jedis jedis = new Jedis(pool.getResource())) {
            return body.apply(jedis);
        }
    }

    @Override
    public <T> T pipelined(Function<AbstractPipeline, Supplier<T>> body) {
        try (ClusterPipeline p = cluster.pipelined()) {
            Supplier<T> answers = body.apply(p);
            p.sync();
            return answers.get();
        }
    }

    @Override
    public void atomically(Consumer<PipeliningBase> commands) {
        try (ClusterPipeline p = cluster.pipelined()) {
            commands.accept(p);
            p.sync();
        }
    }

    @Override
    public Jedis dedicated(String node) {
        return new Jedis(HostAndPort.from(node), config);
    }

    @Override
    public void close() {
        cluster.close();
    }
}
