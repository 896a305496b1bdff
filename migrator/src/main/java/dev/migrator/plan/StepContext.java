package dev.migrator.plan;

import java.nio.file.Path;

/**
 * What a step gets to run with: where to write its state and dead letters, whom to tell of progress,
 * and whether it continues an earlier run from its checkpoints.
 */
public record StepContext(Path runDirectory, ProgressListener progress, boolean resume) {

    public StepContext(Path runDirectory, ProgressListener progress) {
        this(runDirectory, progress, false);
    }

    public Checkpoints checkpoints() {
        return new Checkpoints(runDirectory.resolve("checkpoints"));
    }
}
