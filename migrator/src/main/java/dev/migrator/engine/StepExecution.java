package dev.migrator.engine;

import dev.migrator.support.AwsErrors;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How every step's execute ends: Completed when nothing stopped it early, Failed with the reasons
 * otherwise, and Failed with what was done when interrupted or when an error escaped. Timed here.
 */
public final class StepExecution {
    private StepExecution() {}

    /** What the body reports: why it stopped early (empty when it finished) and its outputs. */
    public record Ending(List<String> stopped, Map<String, String> outputs) {
        public Ending {
            stopped = List.copyOf(stopped);
        }
    }

    public interface Body {
        Ending run() throws IOException, InterruptedException;
    }

    public interface VerifyBody {
        Verification run() throws IOException, InterruptedException;
    }

    /** A step's verification; when it cannot finish, a "not verified" result saying why, never an exception. */
    public static Verification verify(StepId id, VerifyBody body) {
        try {
            return body.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verification.notVerified(id, "interrupted");
        } catch (IOException | RuntimeException e) {
            return Verification.notVerified(id, "could not verify: " + AwsErrors.describe(e));
        }
    }

    public static StepResult run(StepId id, Supplier<StepResult.Counters> counters, Body body) {
        long started = System.nanoTime();
        try {
            Ending ending = body.run();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return ending.stopped().isEmpty() ? new StepResult.Completed(id, counters.get(), took, ending.outputs())
                    : new StepResult.Failed(id, String.join("; ", ending.stopped()), counters.get(), took);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StepResult.Failed(id, "interrupted", counters.get(), Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException | RuntimeException e) {
            return new StepResult.Failed(id, AwsErrors.describe(e), counters.get(), Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
