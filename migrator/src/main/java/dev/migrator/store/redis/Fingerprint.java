package dev.migrator.store.redis;

import dev.migrator.support.digest.Digest;

/**
 * What verification and catch-up compare of one key: its type ("none" when it does not exist), the digest of its
 * value ({@link ValueDigest}), its PTTL in ms (-1: no TTL) and when it was read on migrator's clock.
 */
record Fingerprint(byte[] key, String type, Digest value, long pttl, long readAtNanos) {

    static Fingerprint of(TypedValue value) {
        return new Fingerprint(value.key(), value.type(), ValueDigest.of(value), value.pttl(), value.readAtNanos());
    }

    boolean missing() {
        return "none".equals(type);
    }
}
