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
 * every step that runs at the same time; with {@code sharding}, which slice of each step this worker copies.
 */
public record StepContext(RunLayout layout, ProgressListener progress, boolean resume, Backoff backoff, InFlightLimit inFlight,
                          Sharding sharding) {

    public StepContext(RunLayout layout, ProgressListener progress, boolean resume, Backoff backoff, InFlightLimit inFlight) {
        this(layout, progress, resume, backoff, inFlight, Sharding.NONE);
    }

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

    /** Where the maps a step reads are: the run's own, or (sharded) the maps merged from every shard. */
    public RunLayout mapsLayout() {
        return sharding.mapsLayout().orElse(layout);
    }

    /** The slice of {@code step} this worker copies ({@link Shard#WHOLE} unless the run is sharded). */
    public Shard sliceOf(StepId step) {
        return sharding.sliceOf(step);
    }

    public StepContext withProgress(ProgressListener other) {
        return new StepContext(layout, other, resume, backoff, inFlight, sharding);
    }

    public StepContext withBackoff(Backoff other) {
        return new StepContext(layout, progress, resume, other, inFlight, sharding);
    }
}
