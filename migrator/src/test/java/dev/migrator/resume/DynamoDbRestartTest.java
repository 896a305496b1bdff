package dev.migrator.resume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.cli.Main;
import dev.migrator.local.ChildProcess;
import dev.migrator.local.LocalEmulators;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import dev.migrator.testkit.TableWrites;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB service goes away in the middle of a run: a DynamoDB Local server of its own, keeping its
 * tables on disk, is killed (SIGKILL) while two tables are being copied and started again on the same
 * port: after a second, which the retries ride out, and after fifteen with one retry allowed, which the
 * run cannot. Whatever the run then reports, resuming it where it stopped and replaying its dead letters
 * ends in a verified copy: nothing missing, nothing extra, nothing different.
 */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbRestartTest {
    private static final String REGION = "us-east-1";
    private static final int ITEMS = 2_500;

    @Test
    void aServerRestartWithinTheRetryBudgetIsRiddenOut(LocalAws credentialsSet, @TempDir Path dir) throws Exception {
        assertThat(restartedMidRun(dir, 10, 1_000)).as("the run itself completes and verifies").isZero();
    }

    @Test
    void anOutageBeyondTheRetryBudgetIsRecoveredByResumeAndReplay(LocalAws credentialsSet, @TempDir Path dir) throws Exception {
        assertThat(restartedMidRun(dir, 1, 15_000)).as("the run cannot finish cleanly through a 15 s outage with one retry")
                .isIn(4, 5, 6);
    }

    /**
     * Copies two tables on a server of its own, killing it once the second table has a checkpoint and
     * starting it again after {@code downMillis}; then resumes (if the run stopped early) and replays (if
     * anything was dead-lettered), and requires a verified copy. Returns the interrupted run's exit code.
     */
    private static int restartedMidRun(Path dir, int maxRetries, long downMillis) throws Exception {
        Path home = LocalEmulators.locateHome();
        int port = LocalEmulators.freePort();
        Path data = dir.resolve("dynamodb-data");
        ChildProcess server = LocalEmulators.startDynamoDb(home, port, data, dir.resolve("dynamodb-1.log"));
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            try (DynamoDbClient ddb = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                    .credentialsProvider(LocalAws.CREDENTIALS).build()) {
                for (String table : List.of("one-a", "one-b", "two-a", "two-b")) {
                    ddb.createTable(r -> r.tableName(table).billingMode("PAY_PER_REQUEST")
                            .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                            .attributeDefinitions(d -> d.attributeName("pk").attributeType("S")));
                }
                seed(ddb, "one-a");
                seed(ddb, "two-a");
            }
            // 8 segments of about 300 items: table two's first checkpoint comes early in the run (sized by the table,
            // 2 one-page segments whose batches interleave checkpoint only as the table ends, and the run with it)
            Path schema = Files.writeString(dir.resolve("schema.json"), """
                    {"schemaVersion": "1.0",
                     "source": {"region": "%1$s", "endpoints": {"dynamodb": "%2$s"}},
                     "target": {"region": "%1$s", "endpoints": {"dynamodb": "%2$s"}},
                     "tables": [{"name": "one", "source": "one-a", "target": "one-b", "segments": 8},
                                {"name": "two", "source": "two-a", "target": "two-b", "segments": 8}],
                     "options": {"concurrency": 2, "maxRetries": %3$d, "writeRateLimit": {"itemsPerSecond": 600}}}
                    """.formatted(REGION, endpoint, maxRetries));
            String state = dir.resolve("state").toString();
            StringWriter first = new StringWriter();
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cli(first, "run", schema.toString(), "--state-dir", state));

            awaitCheckpoint(dir.resolve("state"), "table-two.json", run);
            server = restart(server, home, port, data, dir.resolve("dynamodb-2.log"), run, downMillis);
            int code = run.get(4, TimeUnit.MINUTES);

            System.out.println("the run through a " + downMillis + " ms DynamoDB outage, maxRetries " + maxRetries + ": exit " + code);
            StringWriter after = new StringWriter();
            if (code == 6) {
                int resumed = cli(after, "run", schema.toString(), "--resume", "--state-dir", state);
                System.out.println("run --resume: exit " + resumed);
                assertThat(resumed).as(first + "\n" + after).isIn(0, 4, 5);
            }
            long deadLetters = deadLetters(dir.resolve("state"));
            if (deadLetters > 0) {
                System.out.println("dead letters to replay: " + deadLetters);
                assertThat(cli(after, "replay", schema.toString(), "--state-dir", state)).as(first + "\n" + after).isZero();
            }
            StringWriter verified = new StringWriter();
            assertThat(cli(verified, "verify", schema.toString(), "--state-dir", state)).as(first + "\n" + after + "\n" + verified)
                    .isZero();
            for (String table : List.of("one", "two")) {
                assertThat(verified.toString()).contains("verify table:" + table + ": ok (source " + ITEMS + ", target " + ITEMS
                        + "; " + ITEMS + " checked, " + ITEMS + " matched, 0 missing, 0 extra, 0 different)");
            }
            return code;
        } finally {
            server.close();
        }
    }

    /** Kills the server (SIGKILL) while the run is going, waits, and starts it again on the same port and data. */
    private static ChildProcess restart(ChildProcess server, Path home, int port, Path data, Path log, CompletableFuture<Integer> run,
                                        long downMillis) throws Exception {
        Thread.sleep(300);
        assertThat(run).as("the run is still copying when the server dies").isNotDone();
        server.kill();
        Thread.sleep(downMillis);
        return LocalEmulators.startDynamoDb(home, port, data, log);
    }

    private static long deadLetters(Path state) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(state)) {
            return files.filter(p -> p.getParent().getFileName().toString().equals("dead-letters") && p.toString().endsWith(".jsonl"))
                    .mapToLong(p -> {
                        try {
                            return Files.readAllLines(p).size();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).sum();
        }
    }

    private static void seed(DynamoDbClient ddb, String table) {
        TableWrites.putGenerated(ddb, table, ITEMS, i -> Map.of("pk", AttributeValue.fromS(table + "-" + i),
                "payload", AttributeValue.fromS("y".repeat(150)), "n", AttributeValue.fromN(String.valueOf(i))));
    }

    private static void awaitCheckpoint(Path state, String name, CompletableFuture<Integer> run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            if (dev.migrator.testkit.LiveState.anyFile(state, p -> p.getFileName().toString().equals(name))) {
                return;
            }
            assertThat(run).as("the run ended before the server could be restarted").isNotDone();
            assertThat(System.nanoTime()).as("no checkpoint within 90 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static int cli(StringWriter out, String... args) {
        return dev.migrator.testkit.Cli.run(out, args);
    }
}
