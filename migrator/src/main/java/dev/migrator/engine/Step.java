package dev.migrator.engine;

import java.util.EnumSet;
import java.util.Set;

/**
 * One unit of a migration: a bucket pair, a table pair, a user pool pair. Every step takes part in
 * {@link Phase#PREFLIGHT} (reads only), {@link Phase#COPY} (writes, only after every preflight passed) and
 * {@link Phase#VERIFY}; further phases are capabilities a step opts into by implementing their interface
 * ({@link Replayable} for {@link Phase#REPLAY}). The engine asks {@link #phases()}, never the step's class.
 */
public interface Step {

    StepId id();

    Preflight preflight();

    /** Copies the source into the target; a partial failure is data (counters, dead letters), not an exception. */
    StepResult copy(StepContext context);

    /**
     * Compares source and target as the run left them; with {@code sampleRate} below 1, only that share
     * of the source (chosen by key hash, so reruns check the same units) and no count of extra units.
     */
    Verification verify(StepContext context, double sampleRate);

    /**
     * The files this step writes for other steps to read (the old-to-new maps of {@code RunLayout}, by file name):
     * a step that reads one of them starts after this one has finished.
     */
    default Set<String> writesMaps() {
        return Set.of();
    }

    /** The maps of other steps this step reads (by file name); it waits for the steps that write them. */
    default Set<String> readsMaps() {
        return Set.of();
    }

    /** The phases this step takes part in: the three every step has, plus those of its capabilities. */
    default Set<Phase> phases() {
        Set<Phase> phases = EnumSet.noneOf(Phase.class);
        for (Phase phase : Phase.values()) {
            if (phase.takes(this)) {
                phases.add(phase);
            }
        }
        return phases;
    }
}
