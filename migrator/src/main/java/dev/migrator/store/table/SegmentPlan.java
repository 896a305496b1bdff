package dev.migrator.store.table;

import java.util.Optional;

/**
 * How many Scan segments a table gets: one per scanner at least ({@code concurrency}, at most the copy's
 * {@value #SCANNERS} scanners), so all of them work; more for big tables (one per 256 MiB), so no segment runs far
 * longer than the rest; at most 1,000,000 (DynamoDB's limit). Segments past the scanners read no faster, and each
 * costs at least one Scan: a 1,000-item table in 128 segments took 129 Scans, half a many-table run's requests.
 */
final class SegmentPlan {
    private static final long BYTES_PER_SEGMENT = 256L * 1024 * 1024;
    /** Scanners a copy runs at most ({@code TableCopier}). */
    static final int SCANNERS = 16;

    private SegmentPlan() {}

    static int segments(long tableSizeBytes, int concurrency, Optional<Integer> override) {
        if (override.isPresent()) {
            return override.get();
        }
        long bySize = (tableSizeBytes + BYTES_PER_SEGMENT - 1) / BYTES_PER_SEGMENT;
        return (int) Math.min(1_000_000, Math.max(Math.min(concurrency, SCANNERS), bySize));
    }

    /**
     * A resumed copy keeps the segments its checkpoints were written for (the table's size estimate, or the
     * concurrency, may have changed since): segment N of one count is another part of the table than of another.
     */
    static int resumed(int planned, Optional<com.fasterxml.jackson.databind.JsonNode> checkpoint) {
        return checkpoint.map(c -> c.path("totalSegments").asInt(0)).filter(n -> n > 0).orElse(planned);
    }

    /** Segments per shard when a table is sharded: fixed, so every shard (and every restart) deals out the same ones. */
    static final int SEGMENTS_PER_SHARD = 16;

    /** A sharded table's segments: the same in every shard whatever it reads of the table's size. */
    static int sharded(int shards, Optional<Integer> override) {
        return override.orElse((int) Math.min(1_000_000, (long) shards * SEGMENTS_PER_SHARD));
    }
}
