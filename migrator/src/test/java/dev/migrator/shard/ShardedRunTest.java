package dev.migrator.shard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.testkit.Cli;
import dev.migrator.testkit.KilledCli;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * N worker processes started as a job engine starts them ({@code run --shard I/N}, or {@code --shards N} with the
 * engine's index variable), each the real CLI in its own JVM: together they write every item and object exactly
 * once; a worker killed with SIGKILL and started again continues from its own checkpoints; {@code status} says
 * NO-GO naming the unfinished shard, then GO after the whole is verified.
 */
@ExtendWith(LocalAwsExtension.class)
class ShardedRunTest {
    private static final String REGION = "us-east-1";
    private static final int ITEMS = 6_000;
    private static final int OBJECTS = 600;

    @Test
    void threeWorkersWriteEveryUnitExactlyOnceBetweenThem(LocalAws aws, @TempDir Path dir) throws Exception {
        Path schema = seed(aws, dir, "even", 4_000);
        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            workers.add(start(dir, schema, Map.of(), "--shard", i + "/3"));
        }
        for (int i = 0; i < 3; i++) {
            assertThat(workers.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(workers.get(i).exitValue()).as(log(dir, i)).isZero();
        }
        assertThat(log(dir, 1)).contains("shard 1 of 3 done. Once every shard is: java -jar migrator.jar verify");
        long items = 0;
        long objects = 0;
        for (int i = 0; i < 3; i++) {
            long tableShare = written(dir, i, "TABLE");
            long bucketShare = written(dir, i, "BUCKET");
            assertThat(tableShare).as("shard " + i + "'s share of the table").isPositive();
            assertThat(bucketShare).as("shard " + i + "'s share of the bucket").isPositive();
            items += tableShare;
            objects += bucketShare;
        }
        assertThat(items).as("items written by the three workers together").isEqualTo(ITEMS);
        assertThat(objects).as("objects written by the three workers together").isEqualTo(OBJECTS);
        verifyThenGo(dir, schema);

        StringWriter again = new StringWriter();
        assertThat(Cli.run(again, "run", schema.toString(), "--shard", "0/3", "--state-dir", dir.resolve("state").toString()))
                .as(again.toString()).isZero();
        assertThat(written(dir, 0, "TABLE") + written(dir, 0, "BUCKET")).as("a finished shard started again writes nothing").isZero();
    }

    @Test
    void aKilledWorkerStartedAgainContinuesAndTheGateNamesItUntilThen(LocalAws aws, @TempDir Path dir) throws Exception {
        Path schema = seed(aws, dir, "kill", 600);
        Process zero = start(dir, schema, Map.of(), "--shard", "0/3");
        Process two = start(dir, schema, Map.of("AWS_BATCH_JOB_ARRAY_INDEX", "2"), "--shards", "3");
        Process one = start(dir, schema, Map.of(), "--shard", "1/3");
        Path checkpoint = shardDir(dir, 1).resolve("checkpoints/table-t.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(checkpoint)) {
            assertThat(one.isAlive()).as("shard 1 ended before it could be killed: " + log(dir, 1)).isTrue();
            assertThat(System.nanoTime()).as("no checkpoint within 90 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        Thread.sleep(300);
        KilledCli.kill(one);
        assertThat(zero.waitFor(120, TimeUnit.SECONDS) && two.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(zero.exitValue()).as(log(dir, 0)).isZero();
        assertThat(two.exitValue()).as(log(dir, 2)).isZero();

        StringWriter early = new StringWriter();
        assertThat(Cli.run(early, "status", schema.toString(), "--state-dir", dir.resolve("state").toString())).isEqualTo(9);
        assertThat(early.toString()).contains("NO-GO").contains("shard 1 of 3 never ran to its end: start it with --shard 1/3");

        Process again = start(dir, schema, Map.of("JOB_COMPLETION_INDEX", "1"), "--shards", "3");
        assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).as(log(dir, 1)).isZero();
        long sliceOfOne = ITEMS - written(dir, 0, "TABLE") - written(dir, 2, "TABLE");
        assertThat(written(dir, 1, "TABLE")).as("the restarted shard continued from its checkpoints").isLessThan(sliceOfOne);
        verifyThenGo(dir, schema);
    }

    @Test
    void aTableThatMapsVersionIdsWaitsForEveryShardsPartOfTheBucketsMap(LocalAws aws, @TempDir Path dir) throws Exception {
        String sourceBucket = LocalAws.uniqueName("map-ba");
        String targetBucket = LocalAws.uniqueName("map-bb");
        String sourceTable = LocalAws.uniqueName("map-ta");
        String targetTable = LocalAws.uniqueName("map-tb");
        int assets = 60;
        try (software.amazon.awssdk.services.s3.S3Client s3 = aws.s3(REGION);
             software.amazon.awssdk.services.dynamodb.DynamoDbClient ddb = aws.dynamoDb(REGION)) {
            for (String bucket : new String[] {sourceBucket, targetBucket}) {
                s3.createBucket(r -> r.bucket(bucket));
                s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
            }
            for (String table : new String[] {sourceTable, targetTable}) {
                ddb.createTable(r -> r.tableName(table).billingMode("PAY_PER_REQUEST")
                        .keySchema(k -> k.attributeName("assetId").keyType("HASH"))
                        .attributeDefinitions(d -> d.attributeName("assetId").attributeType("S")));
            }
            for (int i = 0; i < assets; i++) {
                String key = "asset/" + i + ".glb";
                s3.putObject(r -> r.bucket(sourceBucket).key(key), software.amazon.awssdk.core.sync.RequestBody.fromString("v1 " + key));
                String current = s3.putObject(r -> r.bucket(sourceBucket).key(key),
                        software.amazon.awssdk.core.sync.RequestBody.fromString("v2 " + key)).versionId();
                String id = String.valueOf(i);
                ddb.putItem(r -> r.tableName(sourceTable).item(Map.of("assetId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(id),
                        "S3Version", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(current))));
            }
        }
        String endpoints = "\"endpoints\": {\"s3\": \"" + aws.s3Endpoint() + "\", \"dynamodb\": \"" + aws.dynamoDbEndpoint() + "\"}";
        Path schema = Files.writeString(dir.resolve("schema.json"), """
                {"schemaVersion": "1.0",
                 "source": {"region": "%s", %s}, "target": {"region": "%s", %s},
                 "buckets": [{"name": "b", "source": "%s", "target": "%s", "versions": "all"}],
                 "tables": [{"name": "assets", "source": "%s", "target": "%s",
                             "transforms": [{"op": "map", "path": "S3Version", "using": "s3-versions:b", "onMissing": "fail"}]}],
                 "options": {"concurrency": 2}}
                """.formatted(REGION, endpoints, REGION, endpoints, sourceBucket, targetBucket, sourceTable, targetTable));
        Process zero = start(dir, schema, Map.of(), "--shard", "0/2");
        Process one = start(dir, schema, Map.of(), "--shard", "1/2");
        assertThat(zero.waitFor(120, TimeUnit.SECONDS) && one.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(zero.exitValue()).as(log(dir, 0)).isZero();
        assertThat(one.exitValue()).as(log(dir, 1)).isZero();
        assertThat(log(dir, 0) + log(dir, 1)).doesNotContain("dead letter");
        assertThat(log(dir, 0)).as("shard 0 copied its slice of the table").contains("table:assets done");
        assertThat(log(dir, 1)).as("shard 1 copied its slice of the table").contains("table:assets done");

        try (software.amazon.awssdk.services.s3.S3Client s3 = aws.s3(REGION);
             software.amazon.awssdk.services.dynamodb.DynamoDbClient ddb = aws.dynamoDb(REGION)) {
            for (var item : ddb.scanPaginator(r -> r.tableName(targetTable)).items()) {
                String key = "asset/" + item.get("assetId").s() + ".glb";
                assertThat(item.get("S3Version").s()).as("the copied item names the target's version of " + key)
                        .isEqualTo(s3.headObject(r -> r.bucket(targetBucket).key(key)).versionId());
            }
        }
        StringWriter verify = new StringWriter();
        assertThat(Cli.run(verify, "verify", schema.toString(), "--state-dir", dir.resolve("state").toString())).as(verify.toString()).isZero();
        assertThat(verify.toString()).contains("verify table:assets: ok (source " + assets + ", target " + assets);
    }

    private static void verifyThenGo(Path dir, Path schema) {
        String state = dir.resolve("state").toString();
        StringWriter notYet = new StringWriter();
        assertThat(Cli.run(notYet, "status", schema.toString(), "--state-dir", state)).isEqualTo(9);
        assertThat(notYet.toString()).contains("not verified: migrator verify FILE");
        StringWriter verify = new StringWriter();
        assertThat(Cli.run(verify, "verify", schema.toString(), "--state-dir", state)).as(verify.toString()).isZero();
        assertThat(verify.toString()).contains("verify table:t: ok (source " + ITEMS + ", target " + ITEMS)
                .contains("verify bucket:b: ok (source " + OBJECTS + ", target " + OBJECTS);
        StringWriter go = new StringWriter();
        assertThat(Cli.run(go, "status", schema.toString(), "--state-dir", state)).as(go.toString()).isZero();
        assertThat(go.toString()).contains("GO");
    }

    private static Process start(Path dir, Path schema, Map<String, String> env, String... shard) throws Exception {
        List<String> command = dev.migrator.testkit.CliChild.command("run", schema.toString(), "--state-dir", dir.resolve("state").toString());
        command.addAll(List.of(shard));
        String index = shard[0].equals("--shard") ? shard[1].substring(0, shard[1].indexOf('/'))
                : env.values().iterator().next();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("shard-" + index + ".log").toFile()));
        builder.environment().remove("JOB_COMPLETION_INDEX");
        builder.environment().remove("AWS_BATCH_JOB_ARRAY_INDEX");
        builder.environment().putAll(env);
        return builder.start();
    }

    private static String log(Path dir, int shard) {
        try {
            return Files.readString(dir.resolve("shard-" + shard + ".log"));
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }

    private static Path shardDir(Path dir, int shard) throws Exception {
        Path state = dir.resolve("state");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            if (Files.isDirectory(state)) {
                try (Stream<Path> dirs = Files.list(state)) {
                    var top = dirs.findFirst();
                    if (top.isPresent()) {
                        return top.get().resolve("shards/shard-" + shard + "-of-3");
                    }
                }
            }
            assertThat(System.nanoTime()).as("no state directory within 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** What shard {@code shard}'s newest report says its step of {@code kind} wrote. */
    private static long written(Path dir, int shard, String kind) throws Exception {
        JsonNode report = new ObjectMapper().readTree(shardDir(dir, shard).resolve("report.json").toFile());
        for (JsonNode result : report.path("results")) {
            if (result.path("step").path("kind").asText().equals(kind)) {
                return result.path("counters").path("written").asLong();
            }
        }
        throw new AssertionError("no " + kind + " step in shard " + shard + "'s report: " + report);
    }

    /** A table and a bucket; writes are paced ({@code itemsPerSecond} per worker) so a worker can be killed mid-copy. */
    private static Path seed(LocalAws aws, Path dir, String tag, int itemsPerSecond) throws Exception {
        return dev.migrator.testkit.TableAndBucket.seed(aws, dir, tag, ITEMS, OBJECTS,
                "{\"concurrency\": 2, \"writeRateLimit\": {\"itemsPerSecond\": " + itemsPerSecond + "}}");
    }
}
