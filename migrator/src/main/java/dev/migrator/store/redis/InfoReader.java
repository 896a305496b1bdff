package dev.migrator.store.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Reads what {@link RedisInfo} holds: INFO of every node (memory and keys summed over a cluster's primaries),
 * CLUSTER INFO, CONFIG where allowed, and probes of DUMP and RESTORE on the first node.
 */
final class InfoReader {
    private final RedisNodes nodes;
    private final List<String> primaries;
    private final int database;

    InfoReader(RedisNodes nodes, List<String> primaries, int database) {
        this.nodes = nodes;
        this.primaries = primaries;
        this.database = database;
    }

    RedisInfo read() {
        String first = primaries.get(0);
        Map<String, String> server = nodes.onNode(first, j -> parseInfo(j.info("server")));
        Map<String, String> cluster = nodes.onNode(first, j -> parseInfo(j.info("cluster")));
        boolean valkey = server.containsKey("valkey_version") || "valkey".equals(server.get("server_name"));
        String software = valkey ? "valkey" : "redis";
        String version = valkey ? server.getOrDefault("valkey_version", server.getOrDefault("redis_version", "?"))
                : server.getOrDefault("redis_version", "?");
        long used = 0;
        long dataset = 0;
        long max = 0;
        long system = 0;
        long keys = 0;
        boolean unlimited = false;
        for (String node : primaries) {
            Map<String, String> memory = nodes.onNode(node, j -> parseInfo(j.info("memory")));
            used += number(memory, "used_memory");
            dataset += number(memory, "used_memory_dataset");
            unlimited |= number(memory, "maxmemory") == 0;
            max += number(memory, "maxmemory");
            system += number(memory, "total_system_memory");
            keys += nodes.onNode(node, Jedis::dbSize);
        }
        boolean clustered = "1".equals(cluster.get("cluster_enabled"));
        Map<String, String> health = clustered ? nodes.onNode(first, j -> parseInfo(j.clusterInfo())) : Map.of();
        return new RedisInfo(software, version, RdbVersions.of(software, version), used, dataset, unlimited ? 0 : max, system,
                clustered, keys, nodes.onNode(first, InfoReader::notifications), nodes.onNode(first, this::dumpAllowed),
                nodes.onNode(first, InfoReader::restoreAllowed), server.getOrDefault("redis_mode", "standalone"),
                new RedisInfo.Cluster(primaries.size(), health.getOrDefault("cluster_state", ""),
                        (int) number(health, "cluster_slots_assigned")));
    }

    private static long number(Map<String, String> fields, String name) {
        try {
            return Long.parseLong(fields.getOrDefault(name, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** notify-keyspace-events, or empty where CONFIG is forbidden (ElastiCache: set it in the parameter group). */
    private static Optional<String> notifications(Jedis jedis) {
        try {
            Map<byte[], byte[]> config = jedis.configGet("notify-keyspace-events".getBytes(StandardCharsets.US_ASCII));
            return config.values().stream().findFirst().map(v -> new String(v, StandardCharsets.US_ASCII));
        } catch (JedisDataException e) {
            return Optional.empty();
        }
    }

    /** DUMP of a key that does not exist answers nil where DUMP is allowed, an error where it is renamed or denied. */
    private boolean dumpAllowed(Jedis jedis) {
        try {
            jedis.dump(("migrator:probe:" + java.util.UUID.randomUUID() + ":" + database).getBytes(StandardCharsets.US_ASCII));
            return true;
        } catch (JedisDataException e) {
            return e.getMessage() != null && e.getMessage().startsWith("MOVED"); // a cluster node that does not own the slot
        }
    }

    /** COMMAND INFO RESTORE answers nil where RESTORE is renamed away; where COMMAND itself is denied, RESTORE is assumed. */
    private static boolean restoreAllowed(Jedis jedis) {
        try {
            Object answer = jedis.sendCommand(Protocol.Command.COMMAND, "INFO".getBytes(StandardCharsets.US_ASCII),
                    "RESTORE".getBytes(StandardCharsets.US_ASCII));
            return answer instanceof List<?> list && !list.isEmpty() && list.get(0) != null;
        } catch (JedisDataException e) {
            return true;
        }
    }

    /** The {@code field:value} lines of an INFO answer. */
    private static Map<String, String> parseInfo(String text) {
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
