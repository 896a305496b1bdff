package dev.migrator.store.redis;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;

/** Reads what {@link RedisInfo} holds from one connection: INFO sections, CONFIG where allowed, and two probes. */
final class InfoReader {
    private final Jedis jedis;
    private final int database;

    InfoReader(Jedis jedis, int database) {
        this.jedis = jedis;
        this.database = database;
    }

    RedisInfo read() {
        Map<String, String> server = JedisRedisGateway.parseInfo(jedis.info("server"));
        Map<String, String> memory = JedisRedisGateway.parseInfo(jedis.info("memory"));
        Map<String, String> cluster = JedisRedisGateway.parseInfo(jedis.info("cluster"));
        boolean valkey = server.containsKey("valkey_version") || "valkey".equals(server.get("server_name"));
        String software = valkey ? "valkey" : "redis";
        String version = valkey ? server.getOrDefault("valkey_version", server.getOrDefault("redis_version", "?"))
                : server.getOrDefault("redis_version", "?");
        return new RedisInfo(software, version, RdbVersions.of(software, version), number(memory, "used_memory"),
                number(memory, "used_memory_dataset"), number(memory, "maxmemory"), number(memory, "total_system_memory"),
                "1".equals(cluster.get("cluster_enabled")), jedis.dbSize(), notifications(), dumpAllowed(), restoreAllowed(),
                server.getOrDefault("redis_mode", "standalone"));
    }

    private static long number(Map<String, String> fields, String name) {
        try {
            return Long.parseLong(fields.getOrDefault(name, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** notify-keyspace-events, or empty where CONFIG is forbidden (ElastiCache: set it in the parameter group). */
    private Optional<String> notifications() {
        try {
            Map<byte[], byte[]> config = jedis.configGet("notify-keyspace-events".getBytes(StandardCharsets.US_ASCII));
            return config.values().stream().findFirst().map(v -> new String(v, StandardCharsets.US_ASCII));
        } catch (JedisDataException e) {
            return Optional.empty();
        }
    }

    /** DUMP of a key that does not exist answers nil where DUMP is allowed, an error where it is renamed or denied. */
    private boolean dumpAllowed() {
        try {
            jedis.dump(("migrator:probe:" + java.util.UUID.randomUUID() + ":" + database).getBytes(StandardCharsets.US_ASCII));
            return true;
        } catch (JedisDataException e) {
            return false;
        }
    }

    /** COMMAND INFO RESTORE answers nil where RESTORE is renamed away; where COMMAND itself is denied, RESTORE is assumed. */
    private boolean restoreAllowed() {
        try {
            Object answer = jedis.sendCommand(Protocol.Command.COMMAND, "INFO".getBytes(StandardCharsets.US_ASCII),
                    "RESTORE".getBytes(StandardCharsets.US_ASCII));
            return answer instanceof java.util.List<?> list && !list.isEmpty() && list.get(0) != null;
        } catch (JedisDataException e) {
            return true;
        }
    }
}
