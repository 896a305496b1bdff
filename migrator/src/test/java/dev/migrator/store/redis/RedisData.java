package dev.migrator.store.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.SetParams;

/** Sample keys of every type for the Redis tests, binary keys and values and TTLs among them. */
final class RedisData {
    static final byte[] BINARY_KEY = {0, 1, (byte) 0xff, 'k', '\n'};
    static final byte[] BINARY_VALUE = {0, (byte) 0x80, (byte) 0xfe, 13, 10, 'v'};

    private RedisData() {}

    /** Fills the server with one key or more of each type; returns every key written. */
    static List<byte[]> everyType(Jedis j) {
        j.set("string", "text");
        j.set(BINARY_KEY, BINARY_VALUE);
        j.set("ttl:long", "expires later", SetParams.setParams().ex(100));
        j.rpush("list", "a", "b", "a");
        j.sadd("set", "x", "y", "z");
        j.sadd("set:int", "1", "2", "3");
        j.zadd("zset", 1.5, "a");
        j.zadd("zset", -2, "b");
        j.zadd("zset", Double.POSITIVE_INFINITY, "c");
        j.hset("hash", Map.of("f1", "v1", "f2", "v2"));
        j.hset(bytes("hash:binary"), Map.of(BINARY_KEY, BINARY_VALUE));
        j.xadd("stream", StreamEntryID.NEW_ENTRY, Map.of("a", "1"));
        j.xadd("stream", StreamEntryID.NEW_ENTRY, Map.of("b", "2", "c", "3"));
        j.xgroupCreate("stream", "readers", new StreamEntryID(0, 0), false);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            many.add("e" + i);
        }
        j.rpush("list:long", many.toArray(new String[0]));
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < 1000; i++) {
            fields.put("field" + i, "value" + i);
        }
        j.hset("hash:big", fields);
        j.hset("hash:ttl", Map.of("f", "v"));
        j.pexpire("hash:ttl", 200_000);
        List<byte[]> keys = new ArrayList<>();
        j.keys(bytes("*")).forEach(keys::add);
        return keys;
    }

    /** {@code n} small string keys {@code key:0 ...}, pipelined. */
    static void strings(Jedis j, String prefix, int n) {
        try (var p = j.pipelined()) {
            for (int i = 0; i < n; i++) {
                p.set(prefix + i, "value-" + i);
            }
            p.sync();
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
