package dev.migrator.plan;

/**
 * One unit of a migration: a bucket pair, a table pair or a user pool pair. Preflight only reads;
 * execute writes, and only after every step's preflight passed.
 */
public interface Step {

    StepId id();

    Preflight preflight();

    StepResult execute(StepContext context);
}
