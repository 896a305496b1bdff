package dev.migrator.engine;

import java.time.Duration;
import java.util.Map;

/** How a step ended. A partial failure is data (counts and dead letters), not an exception. */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.SIMPLE_NAME, property = "outcome")
public sealed interface StepResult {

    StepId step();

    /** Every unit was copied, skipped as already present, or counted as failed and dead-lettered. */
    record Completed(StepId step, Counters counters, Duration duration, Map<String, String> outputs) implements StepResult {
        public boolean hasFailures() {
            return counters.failed() > 0;
        }
    }

    /** The step stopped early; what it had done is in the counters. */
    record Failed(StepId step, String reason, Counters counters, Duration duration) implements StepResult {}

    /** The step did not run, and why. */
    record NotRun(StepId step, String reason) implements StepResult {}

    /** Units seen, copied, skipped and failed. */
    record Counters(long read, long written, long skipped, long failed) {
        public static final Counters ZERO = new Counters(0, 0, 0, 0);
    }
}
