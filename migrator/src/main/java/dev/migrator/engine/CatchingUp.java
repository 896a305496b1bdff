package dev.migrator.engine;

/**
 * A step that can catch up with writes made to its source since its bulk copy began ({@link Phase#CATCH_UP}):
 * one pass reads what changed since its recorded position, applies it to the target and records the new
 * position, so passes can repeat (migrator sync) until the source stops changing.
 */
public interface CatchingUp extends Step {

    /** Whether this step's pair asks to catch up (the schema's catchUp); a step that does not is left out of CATCH_UP. */
    boolean follows();

    /** One pass to the current end of the source's changes; its outputs say whether the step is caught up. */
    StepResult catchUp(StepContext context);

    /** The output key a pass sets to "true" when it read every change there was. */
    String CAUGHT_UP = "caughtUp";
}
