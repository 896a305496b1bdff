package dev.migrator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs one phase over the steps that take part in it, in plan order, telling the progress listener as each
 * step ends. Ctrl-C (the thread's interrupt) stops a phase between steps: the steps not started are NotRun.
 */
public final class PhaseRunner {
    private final StepContext context;

    public PhaseRunner(StepContext context) {
        this.context = context;
    }

    /** What one phase did: step results for COPY and REPLAY, verifications for VERIFY. */
    public record PhaseResult(Phase phase, List<StepResult> results, List<Verification> verifications) {
        public PhaseResult {
            results = List.copyOf(results);
            verifications = List.copyOf(verifications);
        }
    }

    /** COPY or REPLAY on each step that takes part in {@code phase}. */
    public PhaseResult act(Phase phase, List<Step> steps) {
        if (!phase.acts()) {
            throw new IllegalArgumentException(phase + " does not write; use verify");
        }
        List<StepResult> results = new ArrayList<>();
        for (Step step : steps) {
            if (!step.phases().contains(phase)) {
                continue;
            }
            StepResult result = Thread.currentThread().isInterrupted()
                    ? new StepResult.NotRun(step.id(), "interrupted before it started") : act(phase, step);
            context.progress().finished(step.id(), result);
            results.add(result);
        }
        return new PhaseResult(phase, results, List.of());
    }

    private StepResult act(Phase phase, Step step) {
        return switch (phase) {
            case COPY -> step.copy(context);
            case REPLAY -> ((Replayable) step).replay(context);
            case CATCH_UP -> ((CatchingUp) step).catchUp(context);
            case BACKUP -> ((BackingUp) step).backup(context);
            default -> throw new IllegalStateException(phase + " is not an acting phase");
        };
    }

    /**
     * VERIFY on each step; a step for which {@code unreadable} gives a reason (its stack could not be used) is
     * NOT VERIFIED with that reason and not asked again. Stops between steps when interrupted.
     */
    public PhaseResult verify(List<Step> steps, double sampleRate, Function<StepId, Optional<String>> unreadable) {
        List<Verification> verifications = new ArrayList<>();
        for (Step step : steps) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            Verification v = unreadable.apply(step.id()).map(why -> Verification.notVerified(step.id(), why))
                    .orElseGet(() -> step.verify(context, sampleRate));
            context.progress().verified(v);
            verifications.add(v);
        }
        return new PhaseResult(Phase.VERIFY, List.of(), verifications);
    }
}
