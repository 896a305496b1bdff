package dev.migrator.engine;

import dev.migrator.support.Backoff;
import dev.migrator.support.Checkpoints;
import dev.migrator.support.InFlightLimit;
import dev.migrator.support.RetryPolicy;
import dev.migrator.support.RunLayout;
import java.nio.file.Path;

/**
 * What a step gets to run with: where its state goes (the run's {@link RunLayout}), whom to tell of progress,
 * whether it continues an earlier run from its checkpoints, how long to wait between attempts (tests
 * pass {@link Backoff#NONE} so faults cost no time), and the run's one budget of requests in flight, shared by
 * every step that runs at the same time.
 */
public record StepContext(RunLayout layout, ProgressListener progress, boolean resume, Backoff backoff, InFlightLimit inFlight) {

    public StepContext(RunLayout layout, ProgressListener progress, boolean resume, Backoff backoff) {
        this(layout, progress, resume, backoff, InFlightLimit.unlimited());
    }

    public StepContext(Path runDirectory, ProgressListener progress) {
        this(runDirectory, progress, false);
    }

    public StepContext(Path runDirectory, ProgressListener progress, boolean resume) {
        this(new RunLayout(runDirectory), progress, resume, Backoff.DEFAULT);
    }

    public Path runDirectory() {
        return layout.directory();
    }

    public Checkpoints checkpoints() {
        return layout.checkpoints();
    }

    /** Retries of AWS calls with this context's backoff. */
    public RetryPolicy retry(int maxRetries) {
        return new RetryPolicy(maxRetries, backoff, inFlight);
    }

    public StepContext withProgress(ProgressListener other) {
        return new StepContext(layout, other, resume, backoff, inFlight);
    }

    public StepContext withBackoff(Backoff other) {
        return new StepContext(layout, progress, resume, other, inFlight);
    }
}
