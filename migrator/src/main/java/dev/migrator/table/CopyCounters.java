package dev.migrator.table;

import dev.migrator.plan.StepResult;
import java.util.concurrent.atomic.AtomicLong;

/** Live counts of one table copy, shared by its workers; they become the step's counters. */
final class CopyCounters {
    final AtomicLong read = new AtomicLong();
    final AtomicLong written = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    StepResult.Counters snapshot() {
        return new StepResult.Counters(read.get(), written.get(), skipped.get(), failed.get());
    }
}
