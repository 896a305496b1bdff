package dev.migrator.support.digest;

import java.util.BitSet;

/**
 * One side of a comparison in flat memory: per key-hash bucket, how many units fell in it and the sum of
 * their digests. Two sides with equal buckets hold the same units; a bucket that differs says where to look.
 * The bucket of a key depends on the key alone, so a unit lands in the same bucket on both sides.
 */
public final class DigestBuckets {
    /** Buckets per comparison: few enough to hold (96 KB), enough that a few bad units leave most buckets clean. */
    public static final int DEFAULT_SIZE = 4096;

    private final long[] counts;
    private final long[] highs;
    private final long[] lows;

    public DigestBuckets(int size) {
        counts = new long[size];
        highs = new long[size];
        lows = new long[size];
    }

    public int size() {
        return counts.length;
    }

    /** The bucket of {@code key}: stable across processes and machines. */
    public int bucketOf(String key) {
        return dev.migrator.support.KeyHash.slot(key, counts.length);
    }

    public synchronized void add(int bucket, Digest digest) {
        counts[bucket]++;
        long sumLow = lows[bucket] + digest.low();
        long carry = Long.compareUnsigned(sumLow, lows[bucket]) < 0 ? 1 : 0;
        lows[bucket] = sumLow;
        highs[bucket] += digest.high() + carry;
    }

    public synchronized long count(int bucket) {
        return counts[bucket];
    }

    public synchronized Digest sum(int bucket) {
        return new Digest(highs[bucket], lows[bucket]);
    }

    /** The buckets whose count or sum differs from {@code other}'s (of the same size). */
    public BitSet differing(DigestBuckets other) {
        if (other.size() != size()) {
            throw new IllegalArgumentException("bucket counts differ: " + size() + " and " + other.size());
        }
        BitSet differing = new BitSet(size());
        for (int b = 0; b < size(); b++) {
            if (count(b) != other.count(b) || !sum(b).equals(other.sum(b))) {
                differing.set(b);
            }
        }
        return differing;
    }

    /** How many units fell in these buckets. */
    public long countIn(BitSet buckets) {
        long total = 0;
        for (int b = buckets.nextSetBit(0); b >= 0; b = buckets.nextSetBit(b + 1)) {
            total += count(b);
        }
        return total;
    }
}
