package dev.migrator.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.local.LocalEmulators;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.SetParams;

/**
 * The demo's Redis pair, where redis-server is installed: Stack A's cache holds sessions with TTLs, a hash per user,
 * a leaderboard, a set of online users, a job list and an event stream with a consumer group; Stack B's is empty.
 */
final class DemoRedis {
    static final int SESSIONS = 500;

    private DemoRedis() {}

    /** Seeds Stack A's server and adds the pair "sessionCache" to the schema. */
    static void add(ObjectNode schema, LocalEmulators.RedisPorts ports) {
        try (Jedis a = new Jedis("127.0.0.1", ports.source())) {
            try (var p = a.pipelined()) {
                for (int i = 0; i < SESSIONS; i++) {
                    p.set("session:" + i, "{\"user\":\"user-" + (i % 50) + "\",\"n\":" + i + "}", SetParams.setParams().ex(3600 + i));
                }
                for (int u = 0; u < 50; u++) {
                    p.hset("user:" + u, Map.of("name", "user " + u, "locale", u % 2 == 0 ? "en" : "de"));
                    p.zadd("leaderboard", u * 10.5, "user-" + u);
                }
                p.sadd("online", "user-1", "user-2", "user-3");
                p.rpush("jobs:pending", "thumbnail:asset-0", "thumbnail:asset-1");
                p.sync();
            }
            for (int e = 0; e < 20; e++) {
                a.xadd("events", StreamEntryID.NEW_ENTRY, Map.of("type", "asset-viewed", "asset", "asset-" + (e % 5)));
            }
            a.xgroupCreate("events", "indexer", new StreamEntryID(0, 0), false);
        }
        ObjectNode pair = schema.withArray("redis").addObject().put("name", "sessionCache");
        pair.putObject("source").put("host", "127.0.0.1").put("port", ports.source());
        pair.putObject("target").put("host", "127.0.0.1").put("port", ports.target());
    }
}
