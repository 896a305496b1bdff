package dev.migrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Steps side by side, in dependency order, results in plan order, and Ctrl-C with steps running. */
class PhaseRunnerTest {
    private static final StepId.Kind KIND = new StepId.Kind("FAKE", "fake", "fake", "fake", "unit(s)");

    /** A step whose copy runs {@code body}; it records when it started and ended. */
    private static final class FakeStep implements Step {
        private final StepId id;
        private final Set<String> writes;
        private final Set<String> reads;
        private final Body body;
        private final List<String> log;

        interface Body {
            void run() throws InterruptedException;
        }

        FakeStep(String name, Set<String> writes, Set<String> reads, List<String> log, Body body) {
            this.id = new StepId(KIND, name, "/fake/" + name);
            this.writes = writes;
            this.reads = reads;
            this.log = log;
            this.body = body;
        }

        @Override
        public StepId id() {
            return id;
        }

        @Override
        public Set<String> writesMaps() {
            return writes;
        }

        @Override
        public Set<String> readsMaps() {
            return reads;
        }

        @Override
        public Preflight preflight() {
            return new Preflight(id, List.of(), List.of());
        }

        @Override
        public StepResult copy(StepContext context) {
            log.add(id.name() + " started");
            try {
                body.run();
            } catch (InterruptedException e) {
                log.add(id.name() + " interrupted");
                return new StepResult.Failed(id, "interrupted", StepResult.Counters.ZERO, Duration.ZERO);
            }
            log.add(id.name() + " ended");
            return new StepResult.Completed(id, StepResult.Counters.ZERO, Duration.ZERO, Map.of());
        }

        @Override
        public Verification verify(StepContext context, double sampleRate) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void independentStepsRunTogetherAndAReaderOfAMapWaitsForItsWriter(@TempDir Path dir) {
        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch bothRunning = new CountDownLatch(2);
        FakeStep.Body meetTheOther = () -> {
            bothRunning.countDown();
            assertThat(bothRunning.await(30, TimeUnit.SECONDS)).as("the other step runs at the same time").isTrue();
        };
        FakeStep pool = new FakeStep("pool", Set.of("cognito-subs-pool.json"), Set.of(), log, meetTheOther);
        FakeStep bucket = new FakeStep("bucket", Set.of(), Set.of(), log, meetTheOther);
        FakeStep table = new FakeStep("table", Set.of(), Set.of("cognito-subs-pool.json"), log, () -> { });

        PhaseRunner.PhaseResult result = new PhaseRunner(new StepContext(dir, ProgressListener.NONE), 3)
                .act(Phase.COPY, List.of(pool, bucket, table));

        assertThat(result.results()).extracting(r -> r.step().name()).containsExactly("pool", "bucket", "table");
        assertThat(result.results()).allMatch(r -> r instanceof StepResult.Completed);
        assertThat(log.indexOf("table started")).as(log.toString()).isGreaterThan(log.indexOf("pool ended"));
    }

    @Test
    void ctrlCInterruptsTheRunningStepsAndTheOthersDoNotStart(@TempDir Path dir) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch running = new CountDownLatch(1);
        FakeStep.Body waitForever = () -> {
            running.countDown();
            new CountDownLatch(1).await();
        };
        FakeStep first = new FakeStep("first", Set.of("m.json"), Set.of(), log, waitForever);
        FakeStep second = new FakeStep("second", Set.of(), Set.of("m.json"), log, () -> { });
        Thread main = Thread.currentThread();
        Thread ctrlC = new Thread(() -> {
            try {
                running.await();
            } catch (InterruptedException e) {
                return;
            }
            main.interrupt();
        });
        ctrlC.start();

        PhaseRunner.PhaseResult result = new PhaseRunner(new StepContext(dir, ProgressListener.NONE), 2)
                .act(Phase.COPY, List.of(first, second));

        assertThat(Thread.interrupted()).as("the caller still sees Ctrl-C").isTrue();
        assertThat(result.results().get(0)).isInstanceOfSatisfying(StepResult.Failed.class,
                f -> assertThat(f.reason()).isEqualTo("interrupted"));
        assertThat(result.results().get(1)).isInstanceOf(StepResult.NotRun.class);
        assertThat(log).containsExactly("first started", "first interrupted");
    }
}
