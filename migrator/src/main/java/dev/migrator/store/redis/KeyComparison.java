package dev.migrator.store.redis;

import java.time.Duration;
import java.util.Optional;

/**
 * Compares one key as the source and the target hold it ({@link Fingerprint}s): type, value (by digest, whatever the
 * encoding) and expiry. Expiry times are compared as points in time on migrator's clock (read time plus PTTL) within
 * a tolerance; with TTLs not kept, the target's key must not expire. Says how they differ, never the values.
 */
record KeyComparison(boolean keepTtl, Duration tolerance) {

    /** How the target's key differs from the source's, or empty when it matches. The source key exists. */
    Optional<String> difference(Fingerprint source, Fingerprint target) {
        if (!source.type().equals(target.type())) {
            return Optional.of("a " + source.type() + " in the source, a " + target.type() + " in the target");
        }
        if (!source.value().equals(target.value())) {
            return Optional.of(source.type() + " value differs");
        }
        return ttlDifference(source, target);
    }

    /** Whether the key expires within the tolerance (so the other side's copy may already be gone). */
    boolean expiring(Fingerprint key) {
        return keepTtl && key.pttl() >= 0 && key.pttl() <= tolerance.toMillis();
    }

    private Optional<String> ttlDifference(Fingerprint source, Fingerprint target) {
        boolean sourceExpires = source.pttl() >= 0;
        boolean targetExpires = target.pttl() >= 0;
        if (!keepTtl) {
            return targetExpires ? Optional.of("expires in " + seconds(target.pttl()) + " in the target, but TTLs are not kept")
                    : Optional.empty();
        }
        if (sourceExpires != targetExpires) {
            return Optional.of(sourceExpires ? "expires in " + seconds(source.pttl()) + " in the source, never in the target"
                    : "never expires in the source, expires in " + seconds(target.pttl()) + " in the target");
        }
        if (!sourceExpires) {
            return Optional.empty();
        }
        long sourceAt = source.readAtNanos() / 1_000_000 + source.pttl();
        long targetAt = target.readAtNanos() / 1_000_000 + target.pttl();
        return Math.abs(sourceAt - targetAt) > tolerance.toMillis()
                ? Optional.of("expiry differs by " + seconds(Math.abs(sourceAt - targetAt)) + " (tolerance " + seconds(tolerance.toMillis()) + ")")
                : Optional.empty();
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
