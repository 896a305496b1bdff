package dev.migrator.store.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.PipeliningBase;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Writes values per type, all of a batch in one MULTI/EXEC (one pipeline in a cluster, where keys of many slots
 * cannot share a transaction): DEL first where replacing, the type's commands in
 * chunks, then PEXPIRE. Without replace, keys already there are left as they are and answered EXISTS. A stream's
 * entries keep their ids; its consumer groups are not written (only RESTORE carries them).
 */
final class TypedWrites {
    private static final int CHUNK = 512;

    private TypedWrites() {}

    static List<RedisGateway.Written> write(RedisNodes nodes, List<TypedValue> values, List<Long> ttlMillis, boolean replace) {
        List<Boolean> present = replace ? null : present(nodes, values);
        List<List<Response<?>>> answers = new ArrayList<>();
        nodes.atomically(t -> queue(t, values, ttlMillis, replace, present, answers));
        List<RedisGateway.Written> written = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            byte[] key = values.get(i).key();
            Optional<String> unwritable = unwritable(values.get(i));
            if (unwritable.isPresent()) {
                written.add(new RedisGateway.Written(key, RedisGateway.Written.Status.FAILED, unwritable.get()));
            } else if (present != null && present.get(i)) {
                written.add(new RedisGateway.Written(key, RedisGateway.Written.Status.EXISTS, ""));
            } else {
                written.add(outcome(key, answers.get(i)));
            }
        }
        return written;
    }

    /**
     * Why a value cannot be written per type, if it cannot: such a key is failed before anything is sent, so a key of
     * that name already in the target is neither deleted (replace) nor taken for equal (EXISTS).
     */
    private static Optional<String> unwritable(TypedValue value) {
        if (value instanceof TypedValue.Unreadable u) {
            return Optional.of(u.reason());
        }
        if (value instanceof TypedValue.Entries s && s.entries().isEmpty()) {
            return Optional.of("an empty stream cannot be written per type");
        }
        return Optional.empty();
    }

    private static void queue(PipeliningBase t, List<TypedValue> values, List<Long> ttlMillis, boolean replace, List<Boolean> present,
                              List<List<Response<?>>> answers) {
        for (int i = 0; i < values.size(); i++) {
            List<Response<?>> mine = new ArrayList<>();
            answers.add(mine);
            TypedValue v = values.get(i);
            if (present != null && present.get(i) || unwritable(v).isPresent()) {
                continue;
            }
            if (replace) {
                mine.add(t.del(v.key()));
            }
            commands(t, v, mine);
            if (ttlMillis.get(i) > 0) {
                mine.add(t.pexpire(v.key(), ttlMillis.get(i)));
            }
        }
    }

    private static List<Boolean> present(RedisNodes nodes, List<TypedValue> values) {
        return nodes.pipelined(p -> {
            List<Response<Boolean>> answers = values.stream().map(v -> p.exists(v.key())).toList();
            return () -> answers.stream().map(Response::get).toList();
        });
    }

    private static RedisGateway.Written outcome(byte[] key, List<Response<?>> answers) {
        for (Response<?> answer : answers) {
            try {
                answer.get();
            } catch (JedisDataException e) {
                return new RedisGateway.Written(key, RedisGateway.Written.Status.FAILED, String.valueOf(e.getMessage()));
            }
        }
        return RedisGateway.Written.ok(key);
    }

    private static void commands(PipeliningBase t, TypedValue v, List<Response<?>> out) {
        byte[] key = v.key();
        if (v instanceof TypedValue.Text s) {
            out.add(t.set(key, s.value()));
        } else if (v instanceof TypedValue.Elements l) {
            for (List<byte[]> chunk : chunks(l.elements())) {
                out.add(t.rpush(key, chunk.toArray(new byte[0][])));
            }
        } else if (v instanceof TypedValue.Members s) {
            for (List<byte[]> chunk : chunks(s.members())) {
                out.add(t.sadd(key, chunk.toArray(new byte[0][])));
            }
        } else if (v instanceof TypedValue.Scored z) {
            for (List<TypedValue.Score> chunk : chunks(z.members())) {
                java.util.Map<byte[], Double> scores = new java.util.LinkedHashMap<>();
                chunk.forEach(m -> scores.put(m.member(), m.score()));
                out.add(t.zadd(key, scores));
            }
        } else if (v instanceof TypedValue.Fields h) {
            for (List<TypedValue.Field> chunk : chunks(h.fields())) {
                java.util.Map<byte[], byte[]> fields = new java.util.LinkedHashMap<>();
                chunk.forEach(f -> fields.put(f.name(), f.value()));
                out.add(t.hset(key, fields));
            }
        } else if (v instanceof TypedValue.Entries s) {
            for (TypedValue.Entry e : s.entries()) {
                CommandArguments xadd = new CommandArguments(Protocol.Command.XADD).key(key).add(TypedReads.bytes(e.id()));
                e.fields().forEach(f -> xadd.add(f.name()).add(f.value()));
                out.add(t.sendCommand(xadd)); // the key marked as one, so a cluster pipeline routes it to its slot
            }
        }
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
