package dev.migrator.engine;

/** Receives progress of long steps; every method has a no-op default. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {};

    /** {@code expectedUnits} is negative when the count is not known in advance (a bucket listing streams). */
    default void started(StepId step, long expectedUnits, String unitName) {}

    default void advanced(StepId step, long doneUnits, long failedUnits) {}

    /** Bytes moved so far by the step (S3 copies): shown as a rate next to the units. */
    default void transferred(StepId step, long bytes) {}

    default void finished(StepId step, StepResult result) {}

    /** Verification of the step begins; {@link #advanced} then counts units checked and mismatches found. */
    default void verifying(StepId step) {}

    default void verified(Verification verification) {}

    /** The step waits before it starts: {@code what} says for what (another shard's step, say). */
    default void waiting(StepId step, String what) {}

    /**
     * A catch-up pass of the step ended: records applied in it, the age of the newest change applied so far
     * (empty before the first), and whether it read every change there was.
     */
    default void caughtUp(StepId step, long applied, java.util.Optional<java.time.Duration> newestAge, boolean caughtUp) {}
}
