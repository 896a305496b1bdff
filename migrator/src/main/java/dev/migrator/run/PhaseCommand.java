package dev.migrator.run;

import dev.migrator.engine.Phase;
import dev.migrator.engine.PhaseRunner;
import dev.migrator.engine.Plan;
import dev.migrator.engine.Preflight;
import dev.migrator.engine.Step;
import dev.migrator.engine.StepContext;
import dev.migrator.engine.StepId;
import dev.migrator.engine.StepResult;
import dev.migrator.engine.Verification;
import dev.migrator.model.MigrationSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A command as data: the phases it runs after preflight, in order ({@code run}: COPY, VERIFY; {@code replay}:
 * REPLAY, VERIFY; {@code verify}: VERIFY), which steps its acting phase works on, and how much to verify. A
 * VERIFY that follows an acting phase that worked on no step is skipped (nothing was written to check). Ctrl-C
 * ends the command between steps with an INTERRUPTED report.
 */
record PhaseCommand(List<Phase> phases, Predicate<Step> actsOn, double sampleRate) {

    /** What every command has once its file is loaded, its state locked and its steps preflighted. */
    record Prepared(MigrationSchema schema, Plan plan, List<Preflight> preflights, RunDirectory directory, Instant started) {
        RunReport refused() {
            return RunReport.refused(schema, started, preflights);
        }
    }

    /** {@code acting} then, when asked, VERIFY. */
    static List<Phase> phases(Phase acting, boolean verify) {
        return verify ? List.of(acting, Phase.VERIFY) : List.of(acting);
    }

    RunReport run(Prepared prepared, StepContext context) {
        PhaseRunner runner = new PhaseRunner(context, prepared.schema().options().parallelSteps());
        List<StepResult> results = new ArrayList<>();
        List<Verification> verifications = new ArrayList<>();
        boolean acted = false;
        boolean anyActingPhase = false;
        for (Phase phase : phases) {
            if (phase.acts()) {
                anyActingPhase = true;
                List<StepResult> done = runner.act(phase, prepared.plan().steps().stream().filter(actsOn).toList()).results();
                acted |= !done.isEmpty();
                results.addAll(done);
                if (Thread.interrupted()) {
                    return RunReport.interrupted(prepared.schema(), prepared.started(), prepared.preflights(), results);
                }
            } else if (phase == Phase.VERIFY && (acted || !anyActingPhase)) {
                verifications.addAll(runner.verify(prepared.plan().steps(), sampleRate, id -> unreadable(prepared.preflights(), id))
                        .verifications());
            }
        }
        if (Thread.interrupted()) {
            return RunReport.interrupted(prepared.schema(), prepared.started(), prepared.preflights(), results);
        }
        return RunReport.finished(prepared.schema(), prepared.started(), prepared.preflights(), results, verifications);
    }

    /** A step whose stack preflight could not use at all is not verified, and not asked again. */
    private static Optional<String> unreadable(List<Preflight> preflights, StepId step) {
        return preflights.stream().filter(p -> p.step().equals(step)).flatMap(p -> p.notCheckedReason().stream()).findFirst();
    }
}
