package dev.migrator.store.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Copies a batch of keys: DUMP + PTTL on the source, RESTORE on the target (or, per type, reads and a MULTI of
 * writes), each with its remaining TTL less the time since it was read. A key already in the target (no REPLACE) is
 * compared with the source's: equal is skipped; otherwise skipped under skip-existing, failed under refuse.
 */
final class KeyCopier {

    /** What became of one key. */
    record Outcome(byte[] key, Kind kind, String reason) {
        enum Kind { WRITTEN, SKIPPED, GONE, FAILED }
    }

    /** {@code leaveDifferent}: a different key already in the target is left as it is (skip-existing) rather than failed. */
    record Settings(boolean dump, boolean keepTtl, boolean replace, boolean leaveDifferent) {}

    private final RedisGateway source;
    private final RedisGateway target;
    private final Settings settings;
    private final LongSupplier nanoClock;

    KeyCopier(RedisGateway source, RedisGateway target, Settings settings, LongSupplier nanoClock) {
        this.source = source;
        this.target = target;
        this.settings = settings;
        this.nanoClock = nanoClock;
    }

    Settings settings() {
        return settings;
    }

    List<Outcome> copy(List<byte[]> keys) {
        return settings.dump() ? dumped(keys) : typed(keys);
    }

    private List<Outcome> dumped(List<byte[]> keys) {
        List<Outcome> outcomes = new ArrayList<>();
        List<RedisGateway.Restore> restores = new ArrayList<>();
        for (RedisGateway.Dumped d : source.dump(keys)) {
            long ttl = ttl(d.pttl(), d.readAtNanos());
            if (d.gone() || ttl < 0) {
                outcomes.add(new Outcome(d.key(), Outcome.Kind.GONE, d.gone() ? "deleted before it was read" : "expired"));
            } else {
                restores.add(new RedisGateway.Restore(d.key(), ttl, d.payload(), settings.replace()));
            }
        }
        List<RedisGateway.Written> written = restores.isEmpty() ? List.of() : target.restore(restores);
        List<byte[]> existing = new ArrayList<>();
        for (RedisGateway.Written w : written) {
            if (w.status() == RedisGateway.Written.Status.EXISTS) {
                existing.add(w.key());
            } else {
                outcomes.add(outcome(w));
            }
        }
        if (!existing.isEmpty()) {
            List<TypedValue> here = source.read(existing);
            List<TypedValue> there = target.read(existing);
            for (int i = 0; i < existing.size(); i++) {
                outcomes.add(existingOutcome(existing.get(i), same(here.get(i), there.get(i))));
            }
        }
        return outcomes;
    }

    private List<Outcome> typed(List<byte[]> keys) {
        List<Outcome> outcomes = new ArrayList<>();
        List<TypedValue> values = new ArrayList<>();
        List<Long> ttls = new ArrayList<>();
        for (TypedValue v : source.read(keys)) {
            long ttl = ttl(v.pttl(), v.readAtNanos());
            if (v instanceof TypedValue.Missing || ttl < 0) {
                outcomes.add(new Outcome(v.key(), Outcome.Kind.GONE, v instanceof TypedValue.Missing ? "deleted before it was read" : "expired"));
            } else {
                values.add(v);
                ttls.add(ttl);
            }
        }
        List<RedisGateway.Written> written = values.isEmpty() ? List.of() : target.write(values, ttls, settings.replace());
        List<TypedValue> existing = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            if (written.get(i).status() == RedisGateway.Written.Status.EXISTS) {
                existing.add(values.get(i));
            } else {
                outcomes.add(outcome(written.get(i)));
            }
        }
        if (!existing.isEmpty()) {
            List<TypedValue> there = target.read(existing.stream().map(TypedValue::key).toList());
            for (int i = 0; i < existing.size(); i++) {
                outcomes.add(existingOutcome(existing.get(i).key(), same(existing.get(i), there.get(i))));
            }
        }
        return outcomes;
    }

    /**
     * Whether the target's key holds the source's value: compared per type by digest, since two servers' DUMPs of an
     * equal set or hash differ (each orders by its own hash seed).
     */
    private static boolean same(TypedValue source, TypedValue target) {
        return source.type().equals(target.type()) && ValueDigest.of(source).equals(ValueDigest.of(target));
    }

    private Outcome existingOutcome(byte[] key, boolean equal) {
        if (equal) {
            return new Outcome(key, Outcome.Kind.SKIPPED, "already in the target");
        }
        return settings.leaveDifferent() ? new Outcome(key, Outcome.Kind.SKIPPED, "left as it was (skip-existing)")
                : new Outcome(key, Outcome.Kind.FAILED, "the target already holds this key with another value (written there "
                + "during the copy?): set \"ifTargetNotEmpty\": \"overwrite\" to replace it");
    }

    private static Outcome outcome(RedisGateway.Written w) {
        return w.status() == RedisGateway.Written.Status.WRITTEN ? new Outcome(w.key(), Outcome.Kind.WRITTEN, "")
                : new Outcome(w.key(), Outcome.Kind.FAILED, w.reason());
    }

    /** The TTL to write in ms: 0 for none (or when TTLs are not kept), -1 when the key has expired since it was read. */
    private long ttl(long pttl, long readAtNanos) {
        if (!settings.keepTtl() || pttl < 0) {
            return 0;
        }
        long left = pttl - (nanoClock.getAsLong() - readAtNanos) / 1_000_000;
        return left > 0 ? left : -1;
    }
}
