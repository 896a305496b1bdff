package dev.migrator.engine;

/** A step whose source can be backed up on demand ({@link Phase#BACKUP}): a rollback point for Stack A before the switch. */
public interface BackingUp extends Step {

    /** Takes the backup; its outputs name it (ARN), or the step fails saying why the service would not. */
    StepResult backup(StepContext context);
}
