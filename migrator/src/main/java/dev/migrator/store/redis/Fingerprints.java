package dev.migrator.store.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.PipeliningBase;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.resps.Tuple;

/**
 * Reads keys' {@link Fingerprint}s in flat memory: TYPE and PTTL of a page in one pipeline, then each value's first
 * chunk in another (GET, SMEMBERS, HGETALL whole; LRANGE, ZRANGE WITHSCORES and XRANGE {@value #CHUNK} at a time),
 * and the rest of a long list, sorted set or stream a chunk at a time, digested as it comes. A module's type is
 * digested from its DUMP payload (without the RDB version and checksum, which differ between servers).
 */
final class Fingerprints {
    static final int CHUNK = 1000;

    private Fingerprints() {}

    static List<Fingerprint> read(RedisNodes nodes, List<byte[]> keys) {
        List<String> types = new ArrayList<>();
        List<Long> ttls = new ArrayList<>();
        TypedReads.typesAndTtls(nodes, keys, types, ttls);
        List<Response<?>> firsts = nodes.pipelined(p -> {
            List<Response<?>> answers = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                answers.add(first(p, keys.get(i), types.get(i)));
            }
            return () -> answers;
        });
        long now = System.nanoTime();
        List<Fingerprint> read = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            try {
                read.add(fingerprint(nodes, keys.get(i), types.get(i), firsts.get(i), ttls.get(i), now));
            } catch (JedisDataException e) {
                if (!String.valueOf(e.getMessage()).startsWith("WRONGTYPE")) {
                    throw e;
                }
                read.add(read(nodes, List.of(keys.get(i))).get(0)); // replaced by another type between the pipelines
            }
        }
        return read;
    }

    /** The first chunk of a value; a module's type (not read per type) by its DUMP. */
    private static Response<?> first(PipeliningBase p, byte[] key, String type) {
        Response<?> read = TypedReads.request(p, key, type, CHUNK);
        return read != null || "none".equals(type) ? read : p.dump(key);
    }

    @SuppressWarnings("unchecked")
    private static Fingerprint fingerprint(RedisNodes nodes, byte[] key, String type, Response<?> first, long pttl, long now) {
        Object v = first == null ? null : first.get();
        if (v == null) {
            return new Fingerprint(key, "none", dev.migrator.support.digest.Digest.ZERO, -2, now);
        }
        ValueDigest d = new ValueDigest(type);
        switch (type) {
            case "string" -> d.part((byte[]) v);
            case "list" -> list(nodes, key, (List<byte[]>) v, d);
            case "set" -> ((java.util.Set<byte[]>) v).forEach(d::member);
            case "zset" -> sorted(nodes, key, (List<Tuple>) v, d);
            case "hash" -> ((Map<byte[], byte[]>) v).forEach((f, x) -> d.field(new TypedValue.Field(f, x)));
            case "stream" -> stream(nodes, key, (List<Object>) v, d);
            default -> {
                byte[] payload = (byte[]) v;
                d.part(Arrays.copyOf(payload, Math.max(0, payload.length - 10)));
            }
        }
        return new Fingerprint(key, type, d.finish(), pttl, now);
    }

    private static void list(RedisNodes nodes, byte[] key, List<byte[]> chunk, ValueDigest d) {
        long at = 0;
        while (true) {
            chunk.forEach(d::part);
            if (chunk.size() < CHUNK) {
                return;
            }
            long from = at += CHUNK;
            chunk = nodes.pipelined(p -> p.lrange(key, from, from + CHUNK - 1)::get);
        }
    }

    private static void sorted(RedisNodes nodes, byte[] key, List<Tuple> chunk, ValueDigest d) {
        long at = 0;
        while (true) {
            chunk.forEach(t -> d.score(new TypedValue.Score(t.getBinaryElement(), t.getScore())));
            if (chunk.size() < CHUNK) {
                return;
            }
            long from = at += CHUNK;
            chunk = nodes.pipelined(p -> p.zrangeWithScores(key, from, from + CHUNK - 1)::get);
        }
    }

    /** XRANGE from just after the last id read ({@code ms-seq+1}, which every Redis version accepts). */
    private static void stream(RedisNodes nodes, byte[] key, List<Object> raw, ValueDigest d) {
        List<Object> chunk = raw;
        while (true) {
            List<TypedValue.Entry> entries = TypedReads.entries(chunk);
            entries.forEach(d::entry);
            if (entries.size() < CHUNK) {
                return;
            }
            String last = entries.get(entries.size() - 1).id();
            int dash = last.indexOf('-');
            byte[] next = (last.substring(0, dash) + "-" + (Long.parseUnsignedLong(last.substring(dash + 1)) + 1))
                    .getBytes(StandardCharsets.US_ASCII);
            chunk = nodes.pipelined(p -> p.xrange(key, next, TypedReads.bytes("+"), CHUNK)::get);
        }
    }
}
