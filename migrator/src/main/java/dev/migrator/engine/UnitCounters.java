package dev.migrator.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counts of one step's units (items, objects, users), safe to update from many workers; they become
 * the step's {@link StepResult.Counters}. A store that counts more (bytes, groups) extends it.
 */
public class UnitCounters {
    public final AtomicLong read = new AtomicLong();
    public final AtomicLong written = new AtomicLong();
    public final AtomicLong skipped = new AtomicLong();
    public final AtomicLong failed = new AtomicLong();

    /** Units finished one way or another. */
    public long done() {
        return written.get() + skipped.get() + failed.get();
    }

    public StepResult.Counters snapshot() {
        return new StepResult.Counters(read.get(), written.get(), skipped.get(), failed.get());
    }
}
