package dev.migrator.store.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.engine.ProgressListener;
import dev.migrator.engine.StepContext;
import dev.migrator.engine.StepResult;
import dev.migrator.engine.Verification;
import dev.migrator.schema.LoadResult;
import dev.migrator.schema.SchemaLoader;
import dev.migrator.support.Backoff;
import dev.migrator.testkit.SchemaBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The table step's copy, dead letters, replay and verification on in-memory tables: no emulator, no waiting. */
class TableStepInMemoryTest {
    private final InMemoryTableGateway source = new InMemoryTableGateway().create("src-table");
    private final InMemoryTableGateway target = new InMemoryTableGateway().create("dst-table");

    @Test
    void copiesEveryItemInBatchesOf25AndVerifies(@TempDir Path dir) throws Exception {
        seed(110, i -> Map.of());
        TableStep step = step(dir, "");

        StepResult.Completed copied = (StepResult.Completed) step.copy(context(dir));

        assertThat(copied.counters()).isEqualTo(new StepResult.Counters(110, 110, 0, 0));
        assertThat(target.contents("dst-table")).isEqualTo(source.contents("src-table"));
        assertThat(target.batchWrites.get()).as("BatchWriteItem calls").isBetween(5L, 8L);
        assertThat(step.verify(context(dir), 1.0).verdict()).isEqualTo(Verification.Verdict.VERIFIED);
    }

    @Test
    void aResumedCopyReadsTheSegmentsItsCheckpointsNameWhateverItWouldPlanNow(@TempDir Path dir) throws Exception {
        seed(200, i -> Map.of());
        TableStep step = step(dir, "");
        StepContext first = context(dir);
        assertThat(((StepResult.Completed) step.copy(first)).outputs().get("segments")).isEqualTo("3");
        // as if an earlier run at another concurrency had stopped with 5 segments, the first two read to their end
        first.checkpoints().write(step.id().slug(), new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"totalSegments\": 5, \"segments\": {\"0\": {\"done\": true}, \"1\": {\"done\": true}}}"));
        StepContext resumed = new StepContext(dir.resolve("state"), ProgressListener.NONE, true).withBackoff(Backoff.NONE);

        StepResult.Completed again = (StepResult.Completed) step.copy(resumed);

        assertThat(again.outputs().get("segments")).isEqualTo("5");
        assertThat(again.counters().read()).as("segments 2-4 of 5: about three fifths").isBetween(80L, 160L);
    }

    @Test
    void itemsWhoseTransformFailsAreDeadLetteredAndNotCopyable(@TempDir Path dir) throws Exception {
        seed(10, i -> i % 3 == 0 ? Map.of() : Map.of("newId", AttributeValue.fromS("n" + i)));
        TableStep step = step(dir, "\"transforms\": [{\"op\": \"format\", \"path\": \"id\", \"template\": \"{newId}\"}]");

        StepResult.Completed copied = (StepResult.Completed) step.copy(context(dir));

        assertThat(copied.counters().failed()).isEqualTo(4);
        List<String> lines = Files.readAllLines(Path.of(copied.outputs().get("deadLetters")));
        assertThat(lines).hasSize(4).allSatisfy(line -> assertThat(line).contains("\"stage\":\"transform\""));
        Verification verified = step.verify(context(dir), 1.0);
        assertThat(verified.notCopyable()).isEqualTo(4);
        assertThat(verified.missing()).isZero();
    }

    @Test
    void rejectedWritesAreDeadLetteredThenReplayedIntoAnEqualTarget(@TempDir Path dir) throws Exception {
        seed(60, i -> Map.of());
        TableStep step = step(dir, "");
        target.rejectWrites = true;

        StepResult.Completed copied = (StepResult.Completed) step.copy(context(dir));
        assertThat(copied.counters().failed()).isEqualTo(60);
        assertThat(Files.readAllLines(Path.of(copied.outputs().get("deadLetters"))))
                .allSatisfy(line -> assertThat(line).contains("\"stage\":\"write\""));

        target.rejectWrites = false;
        StepResult.Completed replayed = (StepResult.Completed) step.replay(context(dir));

        assertThat(replayed.counters()).isEqualTo(new StepResult.Counters(60, 60, 0, 0));
        assertThat(replayed.outputs()).containsEntry("stillFailing", "0").doesNotContainKey("deadLetters");
        assertThat(target.contents("dst-table")).isEqualTo(source.contents("src-table"));
    }

    @Test
    void skipExistingKeepsTheTargetsItem(@TempDir Path dir) throws Exception {
        seed(5, i -> Map.of());
        Map<String, AttributeValue> theirs = Map.of("pk", AttributeValue.fromS("item-2"), "v", AttributeValue.fromS("Stack B's"));
        target.put("dst-table", theirs);
        TableStep step = step(dir, "\"ifTargetNotEmpty\": \"skip-existing\"");

        StepResult.Completed copied = (StepResult.Completed) step.copy(context(dir));

        assertThat(copied.counters()).isEqualTo(new StepResult.Counters(5, 4, 1, 0));
        assertThat(target.contents("dst-table").get("item-2")).isEqualTo(theirs);
    }

    @Test
    void decideWritesUnlessSkipExistingMeetsAnItemThere() {
        for (var policy : dev.migrator.model.NonEmptyTargetPolicy.values()) {
            assertThat(ItemDecision.decide(false, policy)).isEqualTo(ItemDecision.WRITE);
            assertThat(ItemDecision.decide(true, policy)).isEqualTo(
                    policy == dev.migrator.model.NonEmptyTargetPolicy.SKIP_EXISTING ? ItemDecision.SKIP : ItemDecision.WRITE);
        }
    }

    private void seed(int count, java.util.function.IntFunction<Map<String, AttributeValue>> extra) {
        for (int i = 0; i < count; i++) {
            Map<String, AttributeValue> item = new java.util.HashMap<>(extra.apply(i));
            item.put("pk", AttributeValue.fromS("item-" + i));
            item.put("n", AttributeValue.fromN(String.valueOf(i)));
            source.put("src-table", item);
        }
    }

    @Test
    void threeShardsWriteEveryItemExactlyOnceBetweenThem(@TempDir Path dir) throws Exception {
        seed(1_000, i -> Map.of());
        TableStep step = step(dir, "");
        long written = 0;
        for (int i = 0; i < 3; i++) {
            dev.migrator.engine.Shard shard = new dev.migrator.engine.Shard(i, 3);
            StepContext base = context(dir.resolve("shard-" + i));
            StepContext sharded = new StepContext(base.layout(), base.progress(), false, base.backoff(), base.inFlight(),
                    dev.migrator.engine.Sharding.of(shard, List.of(step)));
            StepResult.Completed copied = (StepResult.Completed) step.copy(sharded);
            assertThat(copied.counters().written()).as("shard " + i + " has a share").isBetween(100L, 600L);
            assertThat(copied.outputs().get("segments")).startsWith("48 (shard " + i + " of 3");
            written += copied.counters().written();
        }
        assertThat(written).as("items written by the three shards together").isEqualTo(1_000);
        assertThat(target.contents("dst-table")).isEqualTo(source.contents("src-table"));
    }

    @Test
    void aStartedExportIsWaitedForReadInsteadOfTheTableAndNotStartedAgainOnResume(@TempDir Path dir) throws Exception {
        seed(300, i -> Map.of("n", AttributeValue.fromN(String.valueOf(i))));
        source.exportFiles = new InMemoryExportFiles();
        Path schema = SchemaBuilder.between("us-east-1", "us-east-1").table("t", "src-table", "dst-table",
                SchemaBuilder.settings("\"export\": {\"bucket\": \"exports\", \"prefix\": \"snap\", \"start\": true}"))
                .option("concurrency", 3).write(dir.resolve("schema.json"));
        var loaded = (LoadResult.Valid) new SchemaLoader().load(schema);
        TableStep step = new TableStep(loaded.schema().tables().get(0), loaded.schema().options(), source, target, "us-east-1", "us-east-1",
                java.util.Optional.empty(), java.util.Optional.of(source.exportFiles));
        StepResult.Completed copied = (StepResult.Completed) step.copy(context(dir));

        assertThat(copied.counters().written()).isEqualTo(300);
        assertThat(copied.outputs().get("source")).startsWith("export arn:aws:dynamodb:us-east-1:000000000000:table/src-table/export/");
        assertThat(copied.outputs().get("segments")).isEqualTo("2 export data files");
        assertThat(target.contents("dst-table")).isEqualTo(source.contents("src-table"));

        StepContext resumed = new StepContext(dir.resolve("state"), ProgressListener.NONE, true).withBackoff(Backoff.NONE);
        assertThat(step.copy(resumed)).isInstanceOf(StepResult.Completed.class);
        assertThat(source.exportsByToken).as("a resumed run reads the export it started").hasSize(1);
        step.copy(context(dir));
        assertThat(source.exportsByToken).as("a fresh run starts a fresh export").hasSize(2);

        long written = 0;
        for (int i = 0; i < 2; i++) {
            dev.migrator.engine.Shard shard = new dev.migrator.engine.Shard(i, 2);
            var layout = new dev.migrator.support.RunLayout(dir.resolve("schema-abc").resolve("shards").resolve(shard.directoryName()));
            written += ((StepResult.Completed) step.copy(new StepContext(layout, ProgressListener.NONE, false, Backoff.NONE,
                    dev.migrator.support.InFlightLimit.unlimited(), dev.migrator.engine.Sharding.of(shard, List.of(step))))).counters().written();
        }
        assertThat(source.exportsByToken).as("the shards of one run share one export").hasSize(3);
        assertThat(written).as("and read its files between them").isEqualTo(300);
    }

    private TableStep step(Path dir, String settings) throws Exception {
        Path schema = SchemaBuilder.between("us-east-1", "us-east-1").table("t", "src-table", "dst-table", SchemaBuilder.settings(settings))
                .option("concurrency", 3).option("maxRetries", 2).write(dir.resolve("schema.json"));
        LoadResult result = new SchemaLoader().load(schema);
        assertThat(result.problems()).isEmpty();
        var loaded = (LoadResult.Valid) result;
        return new TableStep(loaded.schema().tables().get(0), loaded.schema().options(), source, target, "us-east-1", "us-east-1");
    }

    private static StepContext context(Path dir) {
        return new StepContext(dir.resolve("state"), ProgressListener.NONE).withBackoff(Backoff.NONE);
    }
}
