package dev.migrator.engine;

/** A step that can try its dead letters again ({@link Phase#REPLAY}). */
public interface Replayable extends Step {

    /**
     * Tries this step's dead letters again (called only where its dead-letter file exists): entries that
     * fail again replace the file, the rest are in the target.
     */
    StepResult replay(StepContext context);
}
