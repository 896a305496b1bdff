package dev.migrator.plan;

/**
 * One unit of a migration: a bucket pair, a table pair or a user pool pair. Preflight only reads;
 * execute writes, and only after every step's preflight passed.
 */
public interface Step {

    StepId id();

    Preflight preflight();

    StepResult execute(StepContext context);

    /**
     * Tries this step's dead letters again (called only where its dead-letter file exists): entries that
     * fail again replace the file, the rest are in the target.
     */
    StepResult replay(StepContext context);

    /**
     * Compares source and target as the run left them; with {@code sampleRate} below 1, only that share
     * of the source (chosen by key hash, so reruns check the same units) and no count of extra units.
     */
    Verification verify(StepContext context, double sampleRate);
}
