package dev.migrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.engine.StepId;
import dev.migrator.engine.StepResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a sync adds up its passes, and how Ctrl-C in the middle of one ends it without calling it a failure. */
class SyncLoopTest {
    private static final StepId STEP = new StepId(dev.migrator.store.table.TableModule.KIND, "t", "/tables/0");

    @Test
    void aPassStoppedByCtrlCIsAResultNotAFailureAndAStepNotStartedHasNone() {
        StepResult stopped = SyncLoop.settled(new StepResult.Failed(STEP, "interrupted", new StepResult.Counters(5, 5, 0, 0),
                Duration.ofSeconds(1))).orElseThrow();
        assertThat(stopped).isInstanceOf(StepResult.Completed.class);
        assertThat(((StepResult.Completed) stopped).outputs()).containsEntry("caughtUp", "false").containsKey("stopped");
        assertThat(SyncLoop.settled(new StepResult.NotRun(STEP, "interrupted before it started"))).isEmpty();
        StepResult broken = new StepResult.Failed(STEP, "AccessDenied", StepResult.Counters.ZERO, Duration.ZERO);
        assertThat(SyncLoop.settled(broken)).contains(broken);
    }

    @Test
    void passesAddUpTheirCountersAndCountedOutputsAndKeepTheLatestState() {
        StepResult first = new StepResult.Completed(STEP, new StepResult.Counters(3, 3, 0, 0), Duration.ofSeconds(1),
                Map.of("caughtUp", "false", "recordsApplied", "3", "copied", "a, b"));
        StepResult second = new StepResult.Completed(STEP, new StepResult.Counters(0, 0, 0, 0), Duration.ofSeconds(1),
                Map.of("caughtUp", "true", "recordsApplied", "0"));

        StepResult.Completed both = (StepResult.Completed) SyncLoop.add(first, second);

        assertThat(both.counters()).isEqualTo(new StepResult.Counters(3, 3, 0, 0));
        assertThat(both.duration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(both.outputs()).containsEntry("caughtUp", "true").containsEntry("recordsApplied", "3").containsEntry("copied", "a, b");
    }
}
