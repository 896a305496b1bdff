package dev.migrator.store.table;

import java.util.Optional;

/**
 * How many Scan segments a table gets: at least one per worker, so all work; more for big tables
 * (one per 256 MiB), so no segment runs far longer than the rest; at most 1,000,000 (DynamoDB's limit).
 */
final class SegmentPlan {
    private static final long BYTES_PER_SEGMENT = 256L * 1024 * 1024;

    private SegmentPlan() {}

    static int segments(long tableSizeBytes, int concurrency, Optional<Integer> override) {
        if (override.isPresent()) {
            return override.get();
        }
        long bySize = (tableSizeBytes + BYTES_PER_SEGMENT - 1) / BYTES_PER_SEGMENT;
        return (int) Math.min(1_000_000, Math.max(concurrency, bySize));
    }

    /** Segments per shard when a table is sharded: fixed, so every shard (and every restart) deals out the same ones. */
    static final int SEGMENTS_PER_SHARD = 16;

    /** A sharded table's segments: the same in every shard whatever it reads of the table's size. */
    static int sharded(int shards, Optional<Integer> override) {
        return override.orElse((int) Math.min(1_000_000, (long) shards * SEGMENTS_PER_SHARD));
    }
}
