package dev.migrator.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testkit.Cli;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import dev.migrator.testkit.SchemaBuilder;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Stack A keeps serving while it is copied: a writer inserts, updates and deletes items in the source table
 * during the bulk copy and during sync; once it stops and a sync finds nothing more, the target equals the
 * source (transforms applied, deleted items absent), as verify proves. On DynamoDB Local, which implements
 * the stream API.
 */
@ExtendWith(LocalAwsExtension.class)
class StreamSyncTest {
    private static final String REGION = "us-east-1";

    @Test
    void writesDuringTheCopyAndTheSyncReachTheTarget(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("live-a");
        String target = LocalAws.uniqueName("live-b");
        try (DynamoDbClient ddb = aws.dynamoDb(REGION)) {
            create(ddb, source, true);
            create(ddb, target, false);
            for (int i = 0; i < 600; i++) {
                put(ddb, source, i, 0);
            }
            Path schema = SchemaBuilder.between(REGION, REGION).endpoint("dynamodb", aws.dynamoDbEndpoint())
                    .table("live", source, target, Map.of("catchUp", "stream", "transforms", List.of(
                            Map.of("op", "format", "path", "label", "template", "item {pk}"))))
                    .option("concurrency", 4).option("maxRetries", 3).write(dir.resolve("schema.json"));
            String state = dir.resolve("state").toString();
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong changes = new AtomicLong();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> write(ddb, source, writing, changes));

            StringWriter run = new StringWriter();
            assertThat(Cli.run(run, "run", schema.toString(), "--state-dir", state, "--no-verify")).as(run.toString()).isZero();
            StringWriter early = new StringWriter();
            assertThat(Cli.run(early, "status", schema.toString(), "--state-dir", state)).isEqualTo(9);
            assertThat(early.toString()).contains("NO-GO", "table:live: not caught up: no sync since the copy", "not verified");
            StringWriter sync = new StringWriter();
            assertThat(Cli.run(sync, "sync", schema.toString(), "--state-dir", state, "--until-caught-up", "--interval", "0.2"))
                    .as(sync.toString()).isZero();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (changes.get() < 150 && System.nanoTime() < deadline) { // writes after the first sync too, however fast it was
                Thread.sleep(20);
            }
            writing.set(false);
            writer.join();
            StringWriter last = new StringWriter();
            assertThat(Cli.run(last, "sync", schema.toString(), "--state-dir", state, "--until-caught-up", "--interval", "0"))
                    .as(last.toString()).isZero();

            assertThat(changes.get()).as("changes made while copying and syncing").isGreaterThanOrEqualTo(150);
            assertThat(sync.toString() + last).contains("table:live").contains("caught up");
            StringWriter verify = new StringWriter();
            assertThat(Cli.run(verify, "verify", schema.toString(), "--state-dir", state)).as(verify.toString()).isZero();
            assertThat(verify.toString()).contains("GO");
            StringWriter gate = new StringWriter();
            assertThat(Cli.run(gate, "status", schema.toString(), "--state-dir", state, "--json")).as(gate.toString()).isZero();
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(gate.toString()).path("verdict").asText()).isEqualTo("GO");

            put(ddb, source, 0, 9999);
            StringWriter later = new StringWriter();
            assertThat(Cli.run(later, "sync", schema.toString(), "--state-dir", state, "--until-caught-up", "--interval", "0")).isZero();
            StringWriter stale = new StringWriter();
            assertThat(Cli.run(stale, "status", schema.toString(), "--state-dir", state)).isEqualTo(9);
            assertThat(stale.toString()).contains("verified before the last write");
        }
    }

    @Test
    void aSyncKilledMidwayGoesOnFromItsPositionTheLockDiesWithItAndASignalEndsASyncWithExit0(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("kill-a");
        String target = LocalAws.uniqueName("kill-b");
        try (DynamoDbClient ddb = aws.dynamoDb(REGION)) {
            create(ddb, source, true);
            create(ddb, target, false);
            for (int i = 0; i < 200; i++) {
                put(ddb, source, i, 0);
            }
            Path schema = SchemaBuilder.between(REGION, REGION).endpoint("dynamodb", aws.dynamoDbEndpoint())
                    .table("live", source, target, Map.of("catchUp", "stream")).write(dir.resolve("schema.json"));
            Path state = dir.resolve("state");
            StringWriter run = new StringWriter();
            assertThat(Cli.run(run, "run", schema.toString(), "--state-dir", state.toString(), "--no-verify")).as(run.toString()).isZero();
            for (int round = 1; round <= 10; round++) {
                int version = round;
                for (int from = 0; from < 200; from += 25) {
                    int start = from;
                    ddb.batchWriteItem(r -> r.requestItems(Map.of(source, java.util.stream.IntStream.range(start, start + 25)
                            .mapToObj(i -> software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(p -> p.item(Map.of(
                                    "pk", AttributeValue.fromS("item-" + i), "version", AttributeValue.fromN(String.valueOf(version)))))
                                    .build()).toList())));
                }
            }

            Process child = syncInChildJvm(schema, state, dir.resolve("killed-sync.log"));
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (!positionRecorded(state)) {
                assertThat(child.isAlive()).as(java.nio.file.Files.readString(dir.resolve("killed-sync.log"))).isTrue();
                assertThat(System.nanoTime()).as("no stream position within 60 s").isLessThan(deadline);
                Thread.sleep(20);
            }
            dev.migrator.testkit.KilledCli.kill(child);

            StringWriter resumed = new StringWriter();
            assertThat(Cli.run(resumed, "sync", schema.toString(), "--state-dir", state.toString(), "--until-caught-up", "--interval", "0"))
                    .as(resumed.toString()).isZero();
            java.util.regex.Matcher applied = java.util.regex.Pattern.compile("table:live done: (\\d+) read").matcher(resumed.toString());
            assertThat(applied.find()).as(resumed.toString()).isTrue();
            assertThat(Long.parseLong(applied.group(1))).as("the resumed sync read on from the killed one's position")
                    .isLessThan(200 + 10 * 200);
            StringWriter verify = new StringWriter();
            assertThat(Cli.run(verify, "verify", schema.toString(), "--state-dir", state.toString())).as(verify.toString()).isZero();

            // a following sync is ended by a signal (a pipeline's SIGTERM, an operator's Ctrl-C): that is its normal end,
            // a report like any other, exit 0 (the JVM left to itself would exit 143)
            Path log = dir.resolve("following-sync.log");
            Process following = syncInChildJvm(schema, state, log, "--interval", "1");
            long passDeadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (!java.nio.file.Files.readString(log).contains("caught up")) {
                assertThat(following.isAlive()).as(java.nio.file.Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("no pass within 60 s").isLessThan(passDeadline);
                Thread.sleep(20);
            }
            following.descendants().forEach(p -> p.destroy());
            following.destroy();
            assertThat(following.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(following.exitValue()).as(java.nio.file.Files.readString(log)).isZero();
            assertThat(java.nio.file.Files.readString(log)).contains("sync COMPLETED").doesNotContain("Exception");
        }
    }

    /** {@code migrator sync SCHEMA --state-dir STATE [more]} in a JVM of its own, its output in {@code log}. */
    private static Process syncInChildJvm(Path schema, Path state, Path log, String... more) throws java.io.IOException {
        List<String> command = dev.migrator.testkit.CliChild.command("sync", schema.toString(), "--state-dir", state.toString());
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Whether a sync recorded a shard position (a page applied) in the state directory. */
    private static boolean positionRecorded(Path state) {
        return dev.migrator.testkit.LiveState.read(state, "table-live-stream.json").filter(json -> json.contains("\"after\":\"")).isPresent();
    }

    @Test
    void aSourceWithoutAStreamIsRefusedWithTheCommandThatEnablesIt(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("quiet-a");
        String target = LocalAws.uniqueName("quiet-b");
        try (DynamoDbClient ddb = aws.dynamoDb(REGION)) {
            create(ddb, source, false);
            create(ddb, target, false);
        }
        Path schema = SchemaBuilder.between(REGION, REGION).endpoint("dynamodb", aws.dynamoDbEndpoint())
                .table("quiet", source, target, Map.of("catchUp", "stream")).write(dir.resolve("schema.json"));
        StringWriter plan = new StringWriter();

        assertThat(Cli.run(plan, "plan", schema.toString())).isEqualTo(3);

        assertThat(plan.toString()).contains("source table " + source + " has no stream; catchUp \"stream\" at /tables/0 needs one")
                .contains("aws dynamodb update-table --table-name " + source + " --region " + REGION
                        + " --stream-specification StreamEnabled=true,StreamViewType=NEW_IMAGE")
                .contains("migrator never changes Stack A");
        StringWriter sync = new StringWriter();
        assertThat(Cli.run(sync, "sync", schema.toString(), "--state-dir", dir.resolve("state").toString())).isEqualTo(2);
        assertThat(sync.toString()).contains("nothing to catch up with");
    }

    /** Inserts new items, updates and deletes existing ones, until told to stop. */
    private static void write(DynamoDbClient ddb, String table, AtomicBoolean writing, AtomicLong changes) {
        Random random = new Random(7);
        int next = 600;
        while (writing.get()) {
            int op = random.nextInt(3);
            if (op == 0) {
                put(ddb, table, next++, 0);
            } else if (op == 1) {
                put(ddb, table, random.nextInt(next), random.nextInt(1000) + 1);
            } else {
                int victim = random.nextInt(next);
                ddb.deleteItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("item-" + victim))));
            }
            changes.incrementAndGet();
            try {
                Thread.sleep(8); // a steady trickle, as an application would make, not a load test
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void put(DynamoDbClient ddb, String table, int i, int version) {
        ddb.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("item-" + i),
                "version", AttributeValue.fromN(String.valueOf(version)), "payload", AttributeValue.fromS("p".repeat(100)))));
    }

    private static void create(DynamoDbClient ddb, String table, boolean stream) {
        ddb.createTable(r -> {
            r.tableName(table).billingMode("PAY_PER_REQUEST").keySchema(k -> k.attributeName("pk").keyType("HASH"))
                    .attributeDefinitions(d -> d.attributeName("pk").attributeType("S"));
            if (stream) {
                r.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
            }
        });
    }
}
