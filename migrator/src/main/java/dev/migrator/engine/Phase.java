package dev.migrator.engine;

/**
 * The phases of a migration, in the order a command runs them. Each phase names the capability a step
 * needs to take part ({@link Step} itself for the phases every step has); a command is a list of phases
 * ({@code run}: COPY then VERIFY; {@code sync}: CATCH_UP, pass after pass; {@code replay}: REPLAY then VERIFY;
 * {@code verify}: VERIFY), and
 * {@link PhaseRunner} runs one phase over the steps that take part in it.
 */
public enum Phase {
    /** Reads both sides and finds what would stop the run; nothing is written before every preflight passed. */
    PREFLIGHT(Step.class),
    /** Copies every unit, or counts and dead-letters it. */
    COPY(Step.class),
    /** Applies what changed in the source since the copy began (migrator sync), pass after pass. */
    CATCH_UP(CatchingUp.class),
    /** Tries the dead letters of an earlier run again. */
    REPLAY(Replayable.class),
    /** Backs up the sources on demand before the switch (migrator backup). */
    BACKUP(BackingUp.class),
    /** Compares source and target. */
    VERIFY(Step.class);

    private final Class<? extends Step> capability;

    Phase(Class<? extends Step> capability) {
        this.capability = capability;
    }

    public Class<? extends Step> capability() {
        return capability;
    }

    /** Whether {@code step} takes part: it has the phase's capability (and, for CATCH_UP, its pair asks to follow). */
    public boolean takes(Step step) {
        return capability.isInstance(step) && (this != CATCH_UP || ((CatchingUp) step).follows());
    }

    /** Whether the phase writes to the targets (its results are step results, not verifications). */
    public boolean acts() {
        return this == COPY || this == CATCH_UP || this == REPLAY || this == BACKUP;
    }
}
