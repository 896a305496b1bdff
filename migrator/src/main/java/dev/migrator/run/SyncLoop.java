package dev.migrator.run;

import dev.migrator.engine.CatchingUp;
import dev.migrator.engine.Phase;
import dev.migrator.engine.PhaseRunner;
import dev.migrator.engine.ProgressListener;
import dev.migrator.engine.Step;
import dev.migrator.engine.StepContext;
import dev.migrator.engine.StepId;
import dev.migrator.engine.StepResult;
import dev.migrator.engine.Verification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code migrator sync}: CATCH_UP passes over the steps that follow their source, one after another, until
 * stopped (Ctrl-C, the normal way to end it; every pass recorded its position, so the next sync goes on from
 * there), until every step is caught up (when asked), or until a step fails. Each step's passes add up to
 * one result in the report.
 */
final class SyncLoop {
    /** Outputs that count what a pass did: a sync's result adds them up over its passes. */
    private static final List<String> SUMMED = List.of("recordsApplied", "objectsDeleted", "keysDeleted", "usersCreated", "usersUpdated",
            "membershipsAdded", "membershipsRemoved");

    private final List<Step> following;
    private final StepContext context;
    private final boolean untilCaughtUp;
    private final Duration interval;

    SyncLoop(List<Step> following, StepContext context, boolean untilCaughtUp, Duration interval) {
        this.following = List.copyOf(following);
        this.context = context;
        this.untilCaughtUp = untilCaughtUp;
        this.interval = interval;
    }

    RunReport run(PhaseCommand.Prepared prepared) {
        ProgressListener progress = context.progress();
        PhaseRunner runner = new PhaseRunner(context.withProgress(new ProgressListener() {
            @Override
            public void caughtUp(StepId step, long applied, java.util.Optional<Duration> newestAge, boolean caughtUp) {
                progress.caughtUp(step, applied, newestAge, caughtUp);
            }
        }));
        Map<StepId, StepResult> totals = new LinkedHashMap<>();
        while (!following.isEmpty()) {
            List<StepResult> pass = runner.act(Phase.CATCH_UP, following).results().stream()
                    .flatMap(r -> settled(r).stream()).toList();
            pass.forEach(r -> totals.merge(r.step(), r, SyncLoop::add));
            boolean failed = pass.stream().anyMatch(r -> !(r instanceof StepResult.Completed));
            boolean caughtUp = pass.stream().allMatch(r -> r instanceof StepResult.Completed c
                    && "true".equals(c.outputs().get(CatchingUp.CAUGHT_UP)));
            if (failed || (untilCaughtUp && caughtUp) || !pause()) {
                break;
            }
        }
        Thread.interrupted(); // Ctrl-C ends a sync; what it applied is recorded
        List<StepResult> results = new ArrayList<>(totals.values());
        results.forEach(r -> progress.finished(r.step(), r));
        return RunReport.finished(prepared.schema(), prepared.started(), prepared.preflights(), results, List.<Verification>of());
    }

    /**
     * Ctrl-C is how a sync ends: a pass it stopped is a result like the others (what it applied is recorded,
     * page by page), not a failure; a step it stopped before it began has no result.
     */
    static java.util.Optional<StepResult> settled(StepResult result) {
        if (result instanceof StepResult.Failed f && "interrupted".equals(f.reason())) {
            return java.util.Optional.of(new StepResult.Completed(f.step(), f.counters(), f.duration(), Map.of(CatchingUp.CAUGHT_UP, "false",
                    "stopped", "by Ctrl-C during a pass; the next sync goes on from the last recorded page")));
        }
        if (result instanceof StepResult.NotRun n && n.reason().startsWith("interrupted")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(result);
    }

    /** Waits between passes; false when interrupted. */
    private boolean pause() {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        try {
            Thread.sleep(interval.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Two passes of one step as one result: counters, durations and counted outputs added, the later pass's other outputs. */
    static StepResult add(StepResult earlier, StepResult later) {
        if (!(earlier instanceof StepResult.Completed a)) {
            return earlier;
        }
        if (later instanceof StepResult.Completed b) {
            return new StepResult.Completed(b.step(), sum(a.counters(), b.counters()), a.duration().plus(b.duration()),
                    withTotal(a.outputs(), b.outputs()));
        }
        if (later instanceof StepResult.Failed f) {
            return new StepResult.Failed(f.step(), f.reason(), sum(a.counters(), f.counters()), a.duration().plus(f.duration()));
        }
        return later;
    }

    private static Map<String, String> withTotal(Map<String, String> earlier, Map<String, String> later) {
        Map<String, String> outputs = new LinkedHashMap<>(earlier); // what only an earlier pass said (keys it copied) stays
        outputs.putAll(later);
        for (String counted : SUMMED) {
            if (earlier.containsKey(counted) || later.containsKey(counted)) {
                long total = Long.parseLong(earlier.getOrDefault(counted, "0")) + Long.parseLong(later.getOrDefault(counted, "0"));
                outputs.put(counted, String.valueOf(total));
            }
        }
        return outputs;
    }

    private static StepResult.Counters sum(StepResult.Counters a, StepResult.Counters b) {
        return new StepResult.Counters(a.read() + b.read(), a.written() + b.written(), a.skipped() + b.skipped(), a.failed() + b.failed());
    }
}
