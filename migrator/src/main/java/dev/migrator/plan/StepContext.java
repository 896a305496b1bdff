package dev.migrator.plan;

import java.nio.file.Path;

/** What a step gets to run with: where to write its state and dead letters, and whom to tell of progress. */
public record StepContext(Path runDirectory, ProgressListener progress) {}
