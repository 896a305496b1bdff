package dev.migrator.resume;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.local.LocalEmulators;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import dev.migrator.testkit.TableWrites;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A run stopped by SIGTERM sent to both its JVMs (as systemd stops a service's control group; the worker itself
 * gets it, not only the launcher's Ctrl-C passed on) on the real CLI in a child JVM: it says what happened, writes an
 * INTERRUPTED report, names the --resume command and exits 130, not the JVM's 143 for SIGTERM; a plain rerun is
 * pointed at --resume. Ctrl-C on the demo leaves no child behind.
 */
@ExtendWith(LocalAwsExtension.class)
class InterruptTest {
    private static final String REGION = "us-east-1";
    private static final int ITEMS = 8_000;

    @Test
    void sigtermWritesAnInterruptedReportExits130AndTheRerunIsPointedAtResume(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("int-a");
        String target = LocalAws.uniqueName("int-b");
        try (DynamoDbClient ddb = aws.dynamoDb(REGION)) {
            for (String table : new String[] {source, target}) {
                ddb.createTable(r -> r.tableName(table).billingMode("PAY_PER_REQUEST")
                        .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                        .attributeDefinitions(d -> d.attributeName("pk").attributeType("S")));
            }
            TableWrites.putGenerated(ddb, source, ITEMS, i -> Map.of("pk", AttributeValue.fromS("item-" + i),
                    "payload", AttributeValue.fromS("x".repeat(100))));
        }
        String endpoints = "\"endpoints\": {\"dynamodb\": \"" + aws.dynamoDbEndpoint() + "\"}";
        // 16 segments of about 500 items, two at a time: the first checkpoint comes within a second of the copy's eight.
        // (Sized by the table, it gets 2 segments of one 4,000-item page each, whose batches interleave, so the first
        // checkpoint can come only as the copy ends, and the signal after it.)
        Path schema = Files.writeString(dir.resolve("schema.json"), """
                {"schemaVersion": "1.0", "name": "interrupted",
                 "source": {"region": "%1$s", %2$s}, "target": {"region": "%1$s", %2$s},
                 "tables": [{"name": "t", "source": "%3$s", "target": "%4$s", "segments": 16}],
                 "options": {"concurrency": 2, "writeRateLimit": {"itemsPerSecond": 1000}}}
                """.formatted(REGION, endpoints, source, target));
        Path state = dir.resolve("state");
        Process child = cliChild(dir, "run.log", "run", schema.toString(), "--state-dir", state.toString());
        awaitWhile(child, dir.resolve("run.log"), () -> !anyFile(state, p -> p.getFileName().toString().equals("table-t.json")));

        List<ProcessHandle> worker = child.descendants().toList();
        assertThat(worker).as("the worker JVM").isNotEmpty();
        for (ProcessHandle p : worker) {
            signal(p.pid(), "-TERM");
        }
        signal(child.pid(), "-TERM");

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("run.log"));
        assertThat(child.exitValue()).as(log).isEqualTo(130);
        assertThat(log).doesNotContain("Exception").contains("interrupted (Ctrl-C)").contains("checkpoints are kept in")
                .contains("run " + schema + " --state-dir " + state + " --resume").contains("run INTERRUPTED");
        Path report = findFile(state, "report.json");
        assertThat(new ObjectMapper().readTree(report.toFile()).get("status").asText()).isEqualTo("INTERRUPTED");

        StringWriter rerun = new StringWriter();
        assertThat(cli(rerun, "run", schema.toString(), "--state-dir", state.toString())).isEqualTo(3);
        assertThat(rerun.toString()).contains("an interrupted run of this file left checkpoints").contains("--resume");

        StringWriter resumed = new StringWriter();
        assertThat(cli(resumed, "run", schema.toString(), "--resume", "--state-dir", state.toString())).as(resumed.toString())
                .isZero();
        assertThat(resumed.toString()).contains("verify table:t: ok (source " + ITEMS + ", target " + ITEMS);
    }

    @Test
    void ctrlCOnTheDemoStopsEveryEmulatorItStarted(@TempDir Path dir) throws Exception {
        Process child = cliChild(dir, "demo.log", "demo", "--dir", dir.resolve("demo").toString(),
                "--emulators", LocalEmulators.locateHome().toString());
        awaitWhile(child, dir.resolve("demo.log"), () -> !contains(dir.resolve("demo.log"), "Stack A seeded"));
        List<ProcessHandle> emulators = new ArrayList<>(child.descendants().toList());
        assertThat(emulators).as("the demo's emulators").isNotEmpty();

        ctrlC(child);

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (emulators.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(emulators.stream().filter(ProcessHandle::isAlive).map(p -> p.info().commandLine().orElse("?")))
                .as("emulators still running after Ctrl-C on the demo").isEmpty();
    }

    private static Process cliChild(Path dir, String log, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(dev.migrator.testkit.CliChild.command(args)).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile());
        // as 'java -jar migrator.jar' runs: the launching JVM starts the worker JVM, so SIGINT to it must reach the worker
        builder.environment().remove("MIGRATOR_RELAUNCH");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process child = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (child.children().map(InterruptTest::commandLine).noneMatch(c -> c.contains("\0-XX:TieredStopAtLevel=1\0"))) {
            // (a child caught between fork and exec still shows the launcher's command line)
            assertThat(System.nanoTime()).as("no worker JVM with the options of WorkerJvm within 30 s: "
                    + child.children().map(InterruptTest::commandLine).toList()).isLessThan(deadline);
            Thread.sleep(20);
        }
        return child;
    }

    /** /proc's command line (ProcessHandle.Info leaves out the arguments of a command line this long). */
    private static String commandLine(ProcessHandle p) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(p.pid()), "cmdline"), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitWhile(Process child, Path log, Condition waiting) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (waiting.holds()) {
            assertThat(child.isAlive()).as("ended too early: " + Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("not ready within 120 s: " + Files.readString(log)).isLessThan(deadline);
            Thread.sleep(50);
        }
        Thread.sleep(300);
    }

    /**
     * Ctrl-C's SIGINT; SIGTERM when this JVM inherited SIGINT ignored (a shell without job control started the build
     * in the background), as the child then does too: a JVM never handles a signal it started with ignored. Both end
     * the run the same way (CtrlC's shutdown hook).
     */
    private static void ctrlC(Process child) throws Exception {
        signal(child.pid(), sigintIgnored() ? "-TERM" : "-INT");
    }

    private static void signal(long pid, String signal) throws Exception {
        assertThat(new ProcessBuilder("kill", signal, String.valueOf(pid)).start().waitFor()).isZero();
    }

    /** Bit 2 (SIGINT) of the ignored signals' mask in /proc/self/status. */
    private static boolean sigintIgnored() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("SigIgn:"))
                .anyMatch(l -> (Long.parseLong(l.substring("SigIgn:".length()).trim(), 16) & 2) != 0);
    }

    private static boolean contains(Path file, String text) throws Exception {
        return Files.exists(file) && Files.readString(file).contains(text);
    }

    private static boolean anyFile(Path root, Predicate<Path> test) {
        return dev.migrator.testkit.LiveState.anyFile(root, test);
    }

    private static Path findFile(Path root, String name) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow();
        }
    }

    private static int cli(StringWriter out, String... args) {
        return dev.migrator.testkit.Cli.run(out, args);
    }
}
