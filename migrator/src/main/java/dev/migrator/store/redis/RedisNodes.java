package dev.migrator.store.redis;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.PipeliningBase;

/**
 * The servers behind one endpoint: one for a standalone server (or a replication group's primary), every primary
 * of a cluster, in slot order. Key commands go through pipelines that route each key to its slot's primary; commands
 * about a server (SCAN, INFO, DBSIZE, SUBSCRIBE) go to each node.
 */
interface RedisNodes extends AutoCloseable {

    /** The primaries to scan, as host:port, in an order that stays the same between runs (a resumed cursor names one). */
    List<String> nodes();

    <T> T onNode(String node, Function<Jedis, T> body);

    /** {@code body} queues commands on a pipeline and returns how to read their answers, which is called once it is synced. */
    <T> T pipelined(Function<AbstractPipeline, Supplier<T>> body);

    /** Queues commands and runs them as one MULTI/EXEC on a standalone server, as one pipeline in a cluster. */
    void atomically(Consumer<PipeliningBase> commands);

    /** A connection of its own to {@code node}, outside every pool (a subscription holds it). */
    Jedis dedicated(String node);

    @Override
    void close();
}
