package dev.migrator.plan;

/** Receives progress of long steps; every method has a no-op default. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {};

    default void started(StepId step, long expectedUnits, String unitName) {}

    default void advanced(StepId step, long doneUnits, long failedUnits) {}

    default void finished(StepId step, StepResult result) {}
}
