package dev.migrator.resume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.cli.Main;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a run (a child JVM running the real CLI), then run --resume: verification
 * passes, nothing missing and nothing extra, and the resumed steps started from their checkpoints.
 */
@ExtendWith(LocalAwsExtension.class)
class CrashResumeTest {
    private static final String REGION = "us-east-1";
    private static final int ITEMS = 12_000;
    private static final int OBJECTS = 1_200;

    @Test
    void killedDuringTheTableCopyResumesFromTheSegmentCheckpoints(LocalAws aws, @TempDir Path dir) throws Exception {
        Path schema = seed(aws, dir, "tbl");
        killWhen(schema, dir, checkpoint(dir, "table-t.json"));

        StringWriter out = new StringWriter();
        assertThat(cli(out, "run", schema.toString(), "--resume", "--state-dir", dir.resolve("state").toString()))
                .as(out.toString()).isZero();

        assertThat(out.toString()).contains("verify table:t: ok (source " + ITEMS + ", target " + ITEMS)
                .contains("verify bucket:b: ok (source " + OBJECTS + ", target " + OBJECTS).contains("0 missing, 0 extra, 0 different");
        assertThat(readByTable(out.toString())).isLessThan(ITEMS);
    }

    @Test
    void killedDuringTheBucketCopyResumesAfterItsLastKeyAndAChangedSchemaRefusesToResume(LocalAws aws, @TempDir Path dir)
            throws Exception {
        Path schema = seed(aws, dir, "bkt");
        killWhen(schema, dir, checkpoint(dir, "bucket-b.json"));

        Files.writeString(schema, Files.readString(schema) + "\n");
        StringWriter refused = new StringWriter();
        assertThat(cli(refused, "run", schema.toString(), "--resume", "--state-dir", dir.resolve("state").toString())).isEqualTo(2);
        assertThat(refused.toString()).contains("cannot resume: the schema changed since the run");
        Files.writeString(schema, Files.readString(schema).stripTrailing() + "\n");

        StringWriter out = new StringWriter();
        assertThat(cli(out, "run", schema.toString(), "--resume", "--state-dir", dir.resolve("state").toString()))
                .as(out.toString()).isZero();
        assertThat(out.toString()).contains("verify bucket:b: ok (source " + OBJECTS + ", target " + OBJECTS)
                .contains("verify table:t: ok (source " + ITEMS + ", target " + ITEMS);
        Matcher bucket = Pattern.compile("bucket:b done: (\\d+) read").matcher(out.toString());
        assertThat(bucket.find()).isTrue();
        assertThat(Long.parseLong(bucket.group(1))).isLessThan(OBJECTS);
    }

    @Test
    void killedDuringTheUserPoolCopyResumesFromItsLastFinishedPage(LocalAws aws, @TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(aws.cognitoEndpoint().isPresent(), "moto_server is not installed; Cognito tests need it");
        int users = 300;
        String source;
        String target;
        try (var cognito = aws.cognito(REGION)) {
            source = cognito.createUserPool(r -> r.poolName("crash-a")).userPool().id();
            target = cognito.createUserPool(r -> r.poolName("crash-b")).userPool().id();
            cognito.createGroup(r -> r.userPoolId(source).groupName("members"));
            for (int i = 0; i < users; i++) {
                String name = String.format("person-%03d", i);
                cognito.adminCreateUser(r -> r.userPoolId(source).username(name).messageAction("SUPPRESS")
                        .userAttributes(a -> a.name("email").value(name + "@example.com")));
                cognito.adminAddUserToGroup(r -> r.userPoolId(source).username(name).groupName("members"));
            }
        }
        String endpoint = "\"endpoints\": {\"cognito\": \"" + aws.cognitoEndpoint().get() + "\"}";
        Path schema = Files.writeString(dir.resolve("pools.json"), """
                {"schemaVersion": "1.0",
                 "source": {"region": "%s", %s}, "target": {"region": "%s", %s},
                 "userPools": [{"name": "u", "source": "%s", "target": "%s", "requestsPerSecond": 60,
                                "passwords": "temporary-password-file"}],
                 "options": {"concurrency": 4}}
                """.formatted(REGION, endpoint, REGION, endpoint, source, target));
        killWhen(schema, dir, checkpoint(dir, "userpool-u.json"));

        StringWriter out = new StringWriter();
        assertThat(cli(out, "run", schema.toString(), "--resume", "--state-dir", dir.resolve("state").toString()))
                .as(out.toString()).isZero();

        assertThat(out.toString()).contains("verify user-pool:u: ok (source " + users + ", target " + users);
        Matcher read = Pattern.compile("user-pool:u done: (\\d+) read").matcher(out.toString());
        assertThat(read.find()).as(out.toString()).isTrue();
        assertThat(Long.parseLong(read.group(1))).isLessThan(users);
        Path runDir;
        try (Stream<Path> dirs = Files.list(dir.resolve("state"))) {
            runDir = dirs.findFirst().orElseThrow();
        }
        List<String> export = Files.readAllLines(runDir.resolve("exports/userpool-u.jsonl"));
        assertThat(export).hasSize(1 + users);
        assertThat(export.stream().skip(1).map(l -> l.replaceAll(".*\"username\":\"([^\"]+)\".*", "$1")).distinct()).hasSize(users);
        assertThat(Files.readAllLines(runDir.resolve("exports/userpool-u-import.csv"))).hasSize(1 + users);
        Map<?, ?> subs = new com.fasterxml.jackson.databind.ObjectMapper().readValue(runDir.resolve("maps/cognito-subs-u.json").toFile(), Map.class);
        assertThat(subs).hasSize(users);
    }

    /** A table of 12,000 items and a bucket of 1,200 objects; the schema paces writes so the run takes several seconds. */
    private static Path seed(LocalAws aws, Path dir, String tag) throws Exception {
        return dev.migrator.testkit.TableAndBucket.seed(aws, dir, tag, ITEMS, OBJECTS,
                "{\"concurrency\": 2, \"writeRateLimit\": {\"itemsPerSecond\": 1500}}");
    }

    private static Predicate<Path> checkpoint(Path dir, String name) {
        return state -> dev.migrator.testkit.LiveState.anyFile(state, p -> p.getFileName().toString().equals(name));
    }

    /** Runs the CLI in a child JVM and kills it (SIGKILL) as soon as {@code ready} holds for the state directory. */
    private static void killWhen(Path schema, Path dir, Predicate<Path> ready) throws Exception {
        Path state = dir.resolve("state");
        List<String> command = dev.migrator.testkit.CliChild.command("run", schema.toString(), "--state-dir", state.toString());
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed-run.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!(Files.isDirectory(state) && ready.test(state))) {
            assertThat(child.isAlive()).as("the run ended before it could be killed: " + Files.readString(dir.resolve("killed-run.log")))
                    .isTrue();
            assertThat(System.nanoTime()).as("no checkpoint within 90 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        Thread.sleep(300);
        assertThat(child.descendants()).as("'java ... Main run' hands the work to a worker JVM").isNotEmpty();
        dev.migrator.testkit.KilledCli.kill(child);
    }

    private static long readByTable(String out) {
        Matcher m = Pattern.compile("table:t done: (\\d+) read").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static int cli(StringWriter out, String... args) {
        return dev.migrator.testkit.Cli.run(out, args);
    }
}
