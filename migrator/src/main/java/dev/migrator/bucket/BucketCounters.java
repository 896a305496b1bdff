package dev.migrator.bucket;

import dev.migrator.plan.StepResult;
import java.util.concurrent.atomic.AtomicLong;

/** Live counts of one bucket copy, shared by its workers; they become the step's counters and outputs. */
final class BucketCounters {
    final AtomicLong listed = new AtomicLong();
    final AtomicLong copied = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong bytesCopied = new AtomicLong();
    final AtomicLong multipart = new AtomicLong();
    final AtomicLong deleteMarkers = new AtomicLong();

    StepResult.Counters snapshot() {
        return new StepResult.Counters(listed.get(), copied.get(), skipped.get(), failed.get());
    }
}
