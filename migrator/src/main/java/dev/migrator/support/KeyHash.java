package dev.migrator.support;

/**
 * A key's hash spread over its bits, the same in every process and on every machine (String.hashCode is
 * specified): what deals keys out to shards and to verification's digest buckets.
 */
public final class KeyHash {
    private KeyHash() {}

    /** Which of {@code slots} (0..slots-1) the key falls in. */
    public static int slot(String key, int slots) {
        int h = key.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return Math.floorMod(h, slots);
    }
}
