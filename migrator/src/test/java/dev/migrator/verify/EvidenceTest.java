package dev.migrator.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.run.StateLock;
import dev.migrator.testkit.FailingEndpoint;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The verdict and its evidence: an unreadable side is NOT VERIFIED (never "ok"), every run keeps its own
 * report, two processes never share a state, options.stateDirectory is where state goes.
 */
@ExtendWith(LocalAwsExtension.class)
class EvidenceTest {
    private static final String REGION = "us-east-1";

    @Test
    void aSideThatAnswers503IsNotVerifiedNeverOk(LocalAws aws, @TempDir Path dir) throws Exception {
        try (FailingEndpoint failing = new FailingEndpoint()) {
            String endpoints = "\"endpoints\": {\"s3\": \"" + failing.uri() + "\", \"dynamodb\": \"" + failing.uri() + "\"}";
            Path schema = Files.writeString(dir.resolve("schema.json"), """
                    {"schemaVersion": "1.0",
                     "source": {"region": "%1$s", %2$s}, "target": {"region": "%1$s", %2$s},
                     "buckets": [{"name": "b", "source": "bucket-a", "target": "bucket-b"}],
                     "tables": [{"name": "t", "source": "table-a", "target": "table-b"}],
                     "options": {"concurrency": 2, "maxRetries": 1}}
                    """.formatted(REGION, endpoints));
            StringWriter out = new StringWriter();

            int code = cli(out, "verify", schema.toString(), "--state-dir", dir.resolve("state").toString());

            assertThat(code).as(out.toString()).isEqualTo(7);
            assertThat(out.toString()).contains("verify bucket:b: NOT VERIFIED").contains("verify table:t: NOT VERIFIED")
                    .contains("NO-GO: NOT VERIFIED").contains("verify NOT_VERIFIED").doesNotContain(": ok");
            JsonNode report = new ObjectMapper().readTree(newest(dir.resolve("state"), "verification.json").toFile());
            assertThat(report.get("status").asText()).isEqualTo("NOT_VERIFIED");
            long calls = failing.requests();
            // one retry layer: each failing call is tried 1 + maxRetries times, not (1 + SDK retries) x that
            assertThat(calls).as("requests sent to the failing endpoint").isLessThanOrEqualTo(16);
        }
    }

    @Test
    void missingCredentialsAndARefusedConnectionAreOneLinePerStackAndService(LocalAws aws, @TempDir Path dir) throws Exception {
        String closed = "http://127.0.0.1:" + closedPort();
        Path schema = Files.writeString(dir.resolve("schema.json"), """
                {"schemaVersion": "1.0",
                 "source": {"region": "%1$s", "profile": "no-such-profile", "endpoints": {"s3": "%2$s", "dynamodb": "%2$s"}},
                 "target": {"region": "%1$s", "endpoints": {"s3": "%2$s", "dynamodb": "%2$s"}},
                 "buckets": [{"name": "b", "source": "bucket-a", "target": "bucket-b"},
                             {"name": "c", "source": "bucket-c", "target": "bucket-d"}],
                 "tables": [{"name": "t", "source": "table-a", "target": "table-b"},
                            {"name": "u", "source": "table-c", "target": "table-d"}],
                 "options": {"maxRetries": 1}}
                """.formatted(REGION, closed));
        StringWriter out = new StringWriter();

        assertThat(cli(out, "plan", schema.toString())).isEqualTo(3);

        String text = out.toString();
        assertThat(count(text, "error: stack A")).as("one line for stack A's credentials: " + text).isEqualTo(1);
        assertThat(text).contains("stack A (source) s3, dynamodb: no credentials from profile 'no-such-profile'")
                .contains("credentials: profile 'no-such-profile'").contains("region us-east-1");
        assertThat(count(text, "error: stack B")).as(text).isEqualTo(2); // stack B: s3 and dynamodb, once each
        assertThat(text).contains("stack B (target) s3: cannot connect").contains("stack B (target) dynamodb: cannot connect");
        assertThat(count(text, "not checked: its stack cannot be used")).isEqualTo(4);
        assertThat(text).doesNotContain("AwsCredentialsProviderChain").doesNotContain("SDK Attempt Count");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static int closedPort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void planSaysAtLeastForABucketItDidNotCountToTheEnd(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("many-a");
        try (S3Client s3 = aws.s3(REGION)) {
            s3.createBucket(r -> r.bucket(source));
            s3.createBucket(r -> r.bucket(source + "-b"));
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            for (int i = 0; i < 1001; i++) {
                String key = "k" + i;
                pool.submit(() -> s3.putObject(r -> r.bucket(source).key(key), RequestBody.fromString("x")));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        }
        StringWriter out = new StringWriter();

        assertThat(cli(out, "plan", bucketSchema(aws, dir, source, source + "-b", "").toString())).isZero();

        assertThat(out.toString()).contains("source " + source + ": exists, not empty, at least 1000 object(s)").doesNotContain("~1000");
    }

    @Test
    void aRefusedRunKeepsTheCompletedRunsReportAndTheSchemasStateDirectoryIsHonoured(LocalAws aws, @TempDir Path dir)
            throws Exception {
        String source = LocalAws.uniqueName("ev-a");
        String target = LocalAws.uniqueName("ev-b");
        try (S3Client s3 = aws.s3(REGION)) {
            s3.createBucket(r -> r.bucket(source));
            s3.createBucket(r -> r.bucket(target));
            for (int i = 0; i < 5; i++) {
                int n = i;
                s3.putObject(r -> r.bucket(source).key("k" + n), RequestBody.fromString("v" + n));
            }
        }
        Path schema = bucketSchema(aws, dir, source, target, ", \"stateDirectory\": \"kept-state\"");
        StringWriter first = new StringWriter();
        assertThat(cli(first, "run", schema.toString())).as(first.toString()).isZero();
        Path state = dir.resolve("kept-state");
        assertThat(state).as("options.stateDirectory, relative to the schema file").isDirectory();
        assertThat(Path.of("migration-state")).doesNotExist();

        StringWriter second = new StringWriter();
        assertThat(cli(second, "run", schema.toString())).as(second.toString()).isEqualTo(3);

        Path run = Files.list(state).filter(Files::isDirectory).findFirst().orElseThrow();
        List<JsonNode> reports = reports(run.resolve("reports"));
        assertThat(reports).extracting(r -> r.get("status").asText()).containsExactlyInAnyOrder("COMPLETED", "REFUSED");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(run.resolve("maps"))))
                .as("maps/ holds version ids of customer objects").isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(run.resolve("reports")))).isEqualTo("rwx------");

        StringWriter elsewhere = new StringWriter();
        assertThat(cli(elsewhere, "verify", schema.toString(), "--state-dir", dir.resolve("cli-state").toString())).isZero();
        assertThat(dir.resolve("cli-state")).as("--state-dir wins over the schema").isDirectory();
    }

    @Test
    void aSecondProcessOnTheSameStateIsRefusedNamingTheHolder(LocalAws aws, @TempDir Path dir) throws Exception {
        Path schema = bucketSchema(aws, dir, "lock-a", "lock-b", "");
        Path state = dir.resolve("state");
        assertThat(cli(new StringWriter(), "verify", schema.toString(), "--state-dir", state.toString())).isEqualTo(3);
        Path lockFile = Files.list(state).filter(Files::isDirectory).findFirst().orElseThrow().resolve(".lock");
        try (StateLock held = StateLock.acquire(lockFile, "run " + schema)) {
            StringWriter out = new StringWriter();

            int code = cli(out, "run", schema.toString(), "--state-dir", state.toString());

            assertThat(code).isEqualTo(8);
            assertThat(out.toString()).contains("another migrator process").contains("pid " + ProcessHandle.current().pid())
                    .contains("command 'run ");
        }
        assertThat(Files.readString(lockFile)).as("released: the holder line is gone").isEmpty();
        assertThat(cli(new StringWriter(), "verify", schema.toString(), "--state-dir", state.toString())).isEqualTo(3);
    }

    private static Path bucketSchema(LocalAws aws, Path dir, String source, String target, String options) throws Exception {
        String endpoints = "\"endpoints\": {\"s3\": \"" + aws.s3Endpoint() + "\"}";
        return Files.writeString(dir.resolve("schema.json"), """
                {"schemaVersion": "1.0", "name": "schema",
                 "source": {"region": "%1$s", %2$s}, "target": {"region": "%1$s", %2$s},
                 "buckets": [{"name": "b", "source": "%3$s", "target": "%4$s"}],
                 "options": {"concurrency": 2, "maxRetries": 1%5$s}}
                """.formatted(REGION, endpoints, source, target, options));
    }

    private static List<JsonNode> reports(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            ObjectMapper mapper = new ObjectMapper();
            return files.filter(p -> p.toString().endsWith(".json")).map(p -> {
                try {
                    return mapper.readTree(p.toFile());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static Path newest(Path state, String name) throws Exception {
        try (Stream<Path> files = Files.walk(state)) {
            return files.filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow();
        }
    }

    private static int cli(StringWriter out, String... args) {
        return dev.migrator.testkit.Cli.run(out, args);
    }
}
