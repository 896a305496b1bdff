package dev.migrator.store.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.PipeliningBase;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Reads keys per type in two pipelines: TYPE and PTTL of every key, then each value with its type's command
 * (GET, LRANGE, SMEMBERS, ZRANGE WITHSCORES, HGETALL, XRANGE). A key whose type changed in between is read again.
 */
final class TypedReads {
    private TypedReads() {}

    static List<TypedValue> read(RedisNodes nodes, List<byte[]> keys) {
        List<String> types = new ArrayList<>();
        List<Long> ttls = new ArrayList<>();
        typesAndTtls(nodes, keys, types, ttls);
        List<Response<?>> values = nodes.pipelined(p -> {
            List<Response<?>> answers = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                answers.add(request(p, keys.get(i), types.get(i), 0));
            }
            return () -> answers;
        });
        long now = System.nanoTime();
        List<TypedValue> read = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            try {
                read.add(value(keys.get(i), types.get(i), values.get(i), ttls.get(i), now));
            } catch (JedisDataException e) {
                if (!String.valueOf(e.getMessage()).startsWith("WRONGTYPE")) {
                    throw e; // NOPERM and the like: reading again would fail again
                }
                read.add(read(nodes, List.of(keys.get(i))).get(0)); // replaced by another type between the two pipelines
            }
        }
        return read;
    }

    /** TYPE and PTTL of each key, in one pipeline, into {@code types} and {@code ttls}. */
    static void typesAndTtls(RedisNodes nodes, List<byte[]> keys, List<String> types, List<Long> ttls) {
        nodes.pipelined(p -> {
            List<Response<String>> typeAnswers = keys.stream().map(p::type).toList();
            List<Response<Long>> ttlAnswers = keys.stream().map(p::pttl).toList();
            return () -> {
                typeAnswers.forEach(t -> types.add(t.get()));
                ttlAnswers.forEach(t -> ttls.add(t.get()));
                return null;
            };
        });
    }

    /**
     * The command that reads a value of {@code type}: whole, or with {@code limit} above 0 the first {@code limit}
     * elements of a list, sorted set or stream (sets, hashes and strings are always whole); null for a key that does
     * not exist or a type not read per type.
     */
    static Response<?> request(PipeliningBase p, byte[] key, String type, int limit) {
        return switch (type) {
            case "string" -> p.get(key);
            case "list" -> p.lrange(key, 0, limit > 0 ? limit - 1 : -1);
            case "set" -> p.smembers(key);
            case "zset" -> p.zrangeWithScores(key, 0, limit > 0 ? limit - 1 : -1);
            case "hash" -> p.hgetAll(key);
            case "stream" -> limit > 0 ? p.xrange(key, bytes("-"), bytes("+"), limit) : p.xrange(key, bytes("-"), bytes("+"));
            default -> null;
        };
    }

    @SuppressWarnings("unchecked")
    private static TypedValue value(byte[] key, String type, Response<?> answer, long pttl, long now) {
        if (answer == null) {
            return "none".equals(type) ? new TypedValue.Missing(key, now)
                    : new TypedValue.Unreadable(key, type, "type " + type + " is copied by DUMP and RESTORE only", pttl, now);
        }
        Object v = answer.get();
        if (v == null) {
            return new TypedValue.Missing(key, now);
        }
        return switch (type) {
            case "string" -> new TypedValue.Text(key, (byte[]) v, pttl, now);
            case "list" -> new TypedValue.Elements(key, (List<byte[]>) v, pttl, now);
            case "set" -> new TypedValue.Members(key, new ArrayList<>((java.util.Set<byte[]>) v), pttl, now);
            case "zset" -> new TypedValue.Scored(key, ((List<redis.clients.jedis.resps.Tuple>) v).stream()
                    .map(t -> new TypedValue.Score(t.getBinaryElement(), t.getScore())).toList(), pttl, now);
            case "hash" -> new TypedValue.Fields(key, ((Map<byte[], byte[]>) v).entrySet().stream()
                    .map(e -> new TypedValue.Field(e.getKey(), e.getValue())).toList(), pttl, now);
            default -> new TypedValue.Entries(key, entries((List<Object>) v), pttl, now);
        };
    }

    /** XRANGE's raw answer: each entry a list of its id and a flat list of field, value, field, value. */
    @SuppressWarnings("unchecked")
    static List<TypedValue.Entry> entries(List<Object> raw) {
        List<TypedValue.Entry> entries = new ArrayList<>(raw.size());
        for (Object o : raw) {
            List<Object> entry = (List<Object>) o;
            List<Object> flat = (List<Object>) entry.get(1);
            List<TypedValue.Field> fields = new ArrayList<>(flat.size() / 2);
            for (int i = 0; i + 1 < flat.size(); i += 2) {
                fields.add(new TypedValue.Field((byte[]) flat.get(i), (byte[]) flat.get(i + 1)));
            }
            entries.add(new TypedValue.Entry(new String((byte[]) entry.get(0), StandardCharsets.US_ASCII), fields));
        }
        return entries;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
