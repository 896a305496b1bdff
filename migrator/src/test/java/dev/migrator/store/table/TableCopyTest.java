package dev.migrator.store.table;

import dev.migrator.support.Backoff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.cli.Main;
import dev.migrator.model.TablePair;
import dev.migrator.engine.ProgressListener;
import dev.migrator.engine.StepContext;
import dev.migrator.engine.StepResult;
import dev.migrator.schema.LoadResult;
import dev.migrator.schema.SchemaLoader;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.Cli;
import dev.migrator.testkit.LocalAwsExtension;
import dev.migrator.testkit.SchemaBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The table step against DynamoDB Local: exact copies, and nothing lost under injected faults. */
@ExtendWith(LocalAwsExtension.class)
class TableCopyTest {
    private static final String A = "us-east-1";
    private static final String B = "eu-central-1";

    @Test
    void copiesEveryTypeUnicodeAnd400KbItemsExactlyIntoATableWithAGsi(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("rich-a");
        String target = LocalAws.uniqueName("rich-b");
        List<Map<String, AttributeValue>> items = TableFixtures.rich(240, false);
        try (DynamoDbClient a = aws.dynamoDb(A); DynamoDbClient b = aws.dynamoDb(B)) {
            TableFixtures.create(a, source, "pk", "S", "sk", "N", null);
            TableFixtures.create(b, target, "pk", "S", "sk", "N", "gsiKey");
            TableFixtures.put(a, source, items);

            StringWriter out = new StringWriter();
            assertThat(run(schema(aws, dir, source, target, ""), dir, out)).as(out.toString()).isZero();

            var expected = TableFixtures.byKey(a, source, List.of("pk", "sk"));
            var actual = TableFixtures.byKey(b, target, List.of("pk", "sk"));
            assertThat(actual).hasSize(240).isEqualTo(expected);
            assertThat(out.toString()).contains("240 read, 240 written, 0 skipped, 0 failed");
        }
    }

    @Test
    void copiesBinaryPartitionKeysWithoutASortKey(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("bin-a");
        String target = LocalAws.uniqueName("bin-b");
        try (DynamoDbClient a = aws.dynamoDb(A); DynamoDbClient b = aws.dynamoDb(B)) {
            TableFixtures.create(a, source, "pk", "B", null, null, null);
            TableFixtures.create(b, target, "pk", "B", null, null, null);
            TableFixtures.put(a, source, TableFixtures.rich(120, true));

            assertThat(run(schema(aws, dir, source, target, ""), dir, new StringWriter())).isZero();

            assertThat(TableFixtures.byKey(b, target, List.of("pk"))).hasSize(120)
                    .isEqualTo(TableFixtures.byKey(a, source, List.of("pk")));
        }
    }

    @Test
    void everyItemArrivesOrIsDeadLetteredDespiteThrottlingAndUnprocessedItems(LocalAws aws, @TempDir Path dir) throws Exception {
        try (DynamoDbClient a = aws.dynamoDb(A); DynamoDbClient b = aws.dynamoDb(B)) {
            String source = LocalAws.uniqueName("faults-a");
            String target = LocalAws.uniqueName("faults-b");
            seededPair(a, b, source, target, simple(1500));
            var sourceGateway = new FaultyTableGateway(new SdkTableGateway(a), 0.3, 0, false);
            var targetGateway = new FaultyTableGateway(new SdkTableGateway(b), 0.2, 0.3, false);

            StepResult.Completed result = (StepResult.Completed) step(aws, dir, source, target, 6, sourceGateway, targetGateway);

            var sourceItems = TableFixtures.byKey(a, source, List.of("pk", "sk"));
            var targetItems = TableFixtures.byKey(b, target, List.of("pk", "sk"));
            java.util.Map<Map<String, AttributeValue>, Map<String, AttributeValue>> deadLettered = new java.util.HashMap<>();
            if (result.outputs().containsKey("deadLetters")) {
                for (String line : Files.readAllLines(Path.of(result.outputs().get("deadLetters")))) {
                    var item = dev.migrator.transform.DynamoJson.item(new ObjectMapper().readTree(line).get("item"));
                    deadLettered.put(Map.of("pk", item.get("pk"), "sk", item.get("sk")), item);
                }
            }
            assertThat(result.counters().read()).isEqualTo(1500);
            assertThat(result.counters().written() + result.counters().failed()).isEqualTo(1500);
            assertThat(deadLettered).hasSize((int) result.counters().failed());
            var arrivedOrDeadLettered = new java.util.HashMap<>(targetItems);
            arrivedOrDeadLettered.putAll(deadLettered);
            assertThat(arrivedOrDeadLettered).isEqualTo(sourceItems);
            assertThat(targetItems).hasSize((int) result.counters().written());
            assertThat(targetGateway.throttled.get()).isPositive();
            assertThat(targetGateway.leftUnprocessed.get()).isPositive();
            assertThat(sourceGateway.throttled.get()).isPositive();
        }
    }

    @Test
    void whatCannotBeWrittenIsDeadLetteredAndCounted(LocalAws aws, @TempDir Path dir) throws Exception {
        try (DynamoDbClient a = aws.dynamoDb(A); DynamoDbClient b = aws.dynamoDb(B)) {
            String source = LocalAws.uniqueName("dead-a");
            String target = LocalAws.uniqueName("dead-b");
            seededPair(a, b, source, target, simple(60));

            StepResult result = step(aws, dir, source, target, 1, new SdkTableGateway(a),
                    new FaultyTableGateway(new SdkTableGateway(b), 0, 0, true));

            StepResult.Completed completed = (StepResult.Completed) result;
            assertThat(completed.counters().failed()).isEqualTo(60);
            assertThat(completed.counters().written()).isZero();
            List<String> lines = Files.readAllLines(Path.of(completed.outputs().get("deadLetters")));
            assertThat(lines).hasSize(60);
            JsonNode first = new ObjectMapper().readTree(lines.get(0));
            assertThat(first.get("reason").asText()).contains("retry budget of 1 retries exhausted").contains("injected throttling");
            assertThat(first.get("item").get("pk").get("S").asText()).startsWith("item-");
            assertThat(Files.getPosixFilePermissions(Path.of(completed.outputs().get("deadLetters"))))
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void deadLettersReplayIntoTheTargetAndWhatFailsAgainStaysInTheFile(LocalAws aws, @TempDir Path dir) throws Exception {
        try (DynamoDbClient a = aws.dynamoDb(A); DynamoDbClient b = aws.dynamoDb(B)) {
            String source = LocalAws.uniqueName("replay-a");
            String target = LocalAws.uniqueName("replay-b");
            seededPair(a, b, source, target, simple(60));
            TableGateway failing = new FaultyTableGateway(new SdkTableGateway(b), 0, 0, true);
            StepResult.Completed copy = (StepResult.Completed) step(aws, dir, source, target, 1, new SdkTableGateway(a), failing);
            Path letters = Path.of(copy.outputs().get("deadLetters"));
            assertThat(Files.readAllLines(letters)).hasSize(60);

            StepResult.Completed again = (StepResult.Completed) replay(aws, dir, source, target, new SdkTableGateway(a), failing);

            assertThat(again.counters()).isEqualTo(new StepResult.Counters(60, 0, 0, 60));
            assertThat(again.outputs()).containsEntry("stillFailing", "60").containsEntry("deadLetters", letters.toString());
            assertThat(Files.readAllLines(letters)).hasSize(60);
            assertThat(Files.readAllLines(Path.of(again.outputs().get("replayed")))).hasSize(60);

            StepResult.Completed fixed = (StepResult.Completed) replay(aws, dir, source, target, new SdkTableGateway(a),
                    new SdkTableGateway(b));

            assertThat(fixed.counters()).isEqualTo(new StepResult.Counters(60, 60, 0, 0));
            assertThat(fixed.outputs()).containsEntry("stillFailing", "0").doesNotContainKey("deadLetters");
            assertThat(letters).doesNotExist();
            assertThat(letters.resolveSibling("replayed")).isDirectoryContaining("glob:**/table-t-*.jsonl");
            assertThat(TableFixtures.byKey(b, target, List.of("pk", "sk"))).isEqualTo(TableFixtures.byKey(a, source, List.of("pk", "sk")));
        }
    }

    @Test
    void afterTheTransformIsFixedReplayWritesTheItemsItDeadLetteredAndVerifies(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("fix-a");
        String target = LocalAws.uniqueName("fix-b");
        try (DynamoDbClient a = aws.dynamoDb(A); DynamoDbClient b = aws.dynamoDb(B)) {
            TableFixtures.create(a, source, "pk", "S", null, null, null);
            TableFixtures.create(b, target, "id", "S", null, null, null);
            TableFixtures.put(a, source, List.of(
                    Map.of("pk", AttributeValue.fromS("p1"), "newId", AttributeValue.fromS("n1")),
                    Map.of("pk", AttributeValue.fromS("p2"), "note", AttributeValue.fromS("no newId"))));
            SchemaBuilder builder = builder(aws, source, target, ", \"transforms\": [{\"op\": \"copy\", \"from\": \"newId\", \"to\": \"id\"}]");
            Path schema = builder.write(dir.resolve("schema.json"));
            assertThat(run(schema, dir, new StringWriter())).isEqualTo(4);
            Path runDir;
            try (var dirs = Files.list(dir.resolve("state"))) {
                runDir = dirs.findFirst().orElseThrow();
            }
            builder.set("tables", 0, "transforms", List.of(Map.of("op", "coalesce", "path", "id", "from", List.of("newId", "pk"))))
                    .write(schema);

            StringWriter refused = new StringWriter();
            assertThat(cli(refused, "replay", schema.toString(), "--state-dir", dir.resolve("state").toString())).isEqualTo(2);
            assertThat(refused.toString()).contains("cannot replay").contains("schema changed").contains("--run-dir " + runDir);

            StringWriter out = new StringWriter();
            assertThat(cli(out, "replay", schema.toString(), "--run-dir", runDir.toString())).isZero();

            assertThat(out.toString()).contains("1 written, 0 skipped, 0 failed").contains("replay COMPLETED");
            assertThat(TableFixtures.byKey(b, target, List.of("id"))).containsOnlyKeys(
                    Map.of("id", AttributeValue.fromS("n1")), Map.of("id", AttributeValue.fromS("p2")));
            assertThat(runDir.resolve("dead-letters/table-t.jsonl")).doesNotExist();
            assertThat(runDir.resolve("replay.json")).exists();
            assertThat(runDir.resolve("replay.html")).exists();

            StringWriter twice = new StringWriter();
            assertThat(cli(twice, "replay", schema.toString(), "--run-dir", runDir.toString())).isZero();
            assertThat(twice.toString()).contains("nothing to replay");
        }
    }

    @Test
    void itemsWithoutAValidTargetKeyAreDeadLetteredAndTheExitCodeSaysSo(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("keys-a");
        String target = LocalAws.uniqueName("keys-b");
        try (DynamoDbClient a = aws.dynamoDb(A); DynamoDbClient b = aws.dynamoDb(B)) {
            TableFixtures.create(a, source, "pk", "S", null, null, null);
            TableFixtures.create(b, target, "id", "S", null, null, null);
            TableFixtures.put(a, source, List.of(
                    Map.of("pk", AttributeValue.fromS("p1"), "newId", AttributeValue.fromS("n1")),
                    Map.of("pk", AttributeValue.fromS("p2"))));
            String transforms = ", \"transforms\": [{\"op\": \"copy\", \"from\": \"newId\", \"to\": \"id\"}]";
            StringWriter out = new StringWriter();

            assertThat(run(schema(aws, dir, source, target, transforms), dir, out)).isEqualTo(4);

            assertThat(TableFixtures.byKey(b, target, List.of("id"))).containsOnlyKeys(Map.of("id", AttributeValue.fromS("n1")));
            assertThat(out.toString()).contains("1 written, 0 skipped, 1 failed").contains("dead letters:");
        }
    }

    @Test
    void planSampleShowsItemsBeforeAndAfterTheirTransforms(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("sample-a");
        String target = LocalAws.uniqueName("sample-b");
        try (DynamoDbClient a = aws.dynamoDb(A); DynamoDbClient b = aws.dynamoDb(B)) {
            TableFixtures.create(a, source, "pk", "S", null, null, null);
            TableFixtures.create(b, target, "id", "S", null, null, null);
            TableFixtures.put(a, source, List.of(
                    Map.of("pk", AttributeValue.fromS("p1"), "newId", AttributeValue.fromS("n1"), "n", AttributeValue.fromN("1.50")),
                    Map.of("pk", AttributeValue.fromS("p2"))));
            Path schema = schema(aws, dir, source, target,
                    ", \"transforms\": [{\"op\": \"rename\", \"from\": \"newId\", \"to\": \"id\"}]");
            StringWriter out = new StringWriter();
            assertThat(cli(out, "plan", "--sample", "5", schema.toString())).isZero();

            assertThat(out.toString()).contains("table:t: 2 sample item(s)")
                    .contains("before: {\"n\":{\"N\":\"1.5\"},\"newId\":{\"S\":\"n1\"},\"pk\":{\"S\":\"p1\"}}")
                    .contains("after:  {\"id\":{\"S\":\"n1\"},\"n\":{\"N\":\"1.5\"},\"pk\":{\"S\":\"p1\"}}")
                    .contains("FAILS:  key attribute 'id' is missing after the transforms");
            assertThat(b.scan(r -> r.tableName(target)).count()).isZero();
        }
    }

    @Test
    void skipExistingKeepsWhatTheTargetHoldsAndCopiesTheRest(LocalAws aws, @TempDir Path dir) throws Exception {
        try (DynamoDbClient a = aws.dynamoDb(A); DynamoDbClient b = aws.dynamoDb(B)) {
            String source = LocalAws.uniqueName("skip-a");
            String target = LocalAws.uniqueName("skip-b");
            seededPair(a, b, source, target, simple(300));
            Map<String, AttributeValue> kept = Map.of("pk", AttributeValue.fromS("item-7"), "sk", AttributeValue.fromN("7"),
                    "payload", AttributeValue.fromS("written by Stack B"));
            TableFixtures.put(b, target, List.of(kept));
            StringWriter out = new StringWriter();

            // verification is strict: the item the target kept differs from the source's, so the run says MISMATCH (exit 5)
            assertThat(run(schema(aws, dir, source, target, ", \"ifTargetNotEmpty\": \"skip-existing\""), dir, out))
                    .as(out.toString()).isEqualTo(5);

            var copied = TableFixtures.byKey(b, target, List.of("pk", "sk"));
            assertThat(copied).hasSize(300);
            assertThat(copied.get(Map.of("pk", kept.get("pk"), "sk", kept.get("sk")))).isEqualTo(kept);
            assertThat(out.toString()).contains("300 read, 299 written, 1 skipped, 0 failed")
                    .contains("1 different").contains("different: {pk=item-7, sk=7}");
        }
    }

    @Test
    void aWriteRateLimitPacesTheCopy(LocalAws aws, @TempDir Path dir) throws Exception {
        try (DynamoDbClient a = aws.dynamoDb(A); DynamoDbClient b = aws.dynamoDb(B)) {
            String source = LocalAws.uniqueName("paced-a");
            String target = LocalAws.uniqueName("paced-b");
            seededPair(a, b, source, target, simple(300));
            Path schema = builder(aws, source, target, "").option("writeRateLimit", Map.of("itemsPerSecond", 100))
                    .write(dir.resolve("schema.json"));

            long started = System.nanoTime();
            assertThat(run(schema, dir, new StringWriter())).isZero();

            // 300 items at 100/s with a bucket that starts one second full: at least two seconds
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(1_900);
            assertThat(b.scan(r -> r.tableName(target).select("COUNT")).count()).isEqualTo(300);
        }
    }

    /** Two tables keyed pk (S) + sk (N), the source holding {@code items}. */
    private static void seededPair(DynamoDbClient a, DynamoDbClient b, String source, String target,
                                   List<Map<String, AttributeValue>> items) {
        TableFixtures.create(a, source, "pk", "S", "sk", "N", null);
        TableFixtures.create(b, target, "pk", "S", "sk", "N", null);
        TableFixtures.put(a, source, items);
    }

    private static List<Map<String, AttributeValue>> simple(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> Map.of("pk", AttributeValue.fromS("item-" + i),
                "sk", AttributeValue.fromN(String.valueOf(i)), "payload", AttributeValue.fromS("p".repeat(200)))).toList();
    }

    private static SchemaBuilder builder(LocalAws aws, String source, String target, String extra) {
        return SchemaBuilder.between(A, B).endpoint("dynamodb", aws.dynamoDbEndpoint())
                .table("t", source, target, SchemaBuilder.settings(extra)).option("concurrency", 4).option("maxRetries", 1);
    }

    private static Path schema(LocalAws aws, Path dir, String source, String target, String extra) throws Exception {
        return builder(aws, source, target, extra).write(dir.resolve("schema.json"));
    }

    private static int run(Path schema, Path dir, StringWriter out) {
        return Cli.run(out, "run", schema.toString(), "--state-dir", dir.resolve("state").toString());
    }

    private static int cli(StringWriter out, String... args) {
        return Cli.run(out, args);
    }

    private static StepResult replay(LocalAws aws, Path dir, String source, String target, TableGateway sourceGateway,
                                     TableGateway targetGateway) throws Exception {
        var loaded = (LoadResult.Valid) new SchemaLoader().load(dir.resolve("schema.json"));
        return new TableStep(loaded.schema().tables().get(0), loaded.schema().options(), sourceGateway, targetGateway, A, B)
                .replay(new StepContext(dir, ProgressListener.NONE).withBackoff(Backoff.NONE));
    }

    private static StepResult step(LocalAws aws, Path dir, String source, String target, int maxRetries,
                                   TableGateway sourceGateway, TableGateway targetGateway) throws Exception {
        Path schema = builder(aws, source, target, "").option("maxRetries", maxRetries).write(dir.resolve("schema.json"));
        var loaded = (LoadResult.Valid) new SchemaLoader().load(schema);
        TablePair pair = loaded.schema().tables().get(0);
        TableStep step = new TableStep(pair, loaded.schema().options(), sourceGateway, targetGateway, A, B);
        return step.copy(new StepContext(dir, ProgressListener.NONE).withBackoff(Backoff.NONE));
    }
}
