package dev.migrator.bench;

import dev.migrator.local.ChildProcess;
import dev.migrator.local.LocalEmulators;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Full table verification (issue 15): DynamoDB Local behind {@link LatencyProxy}, a source of N items copied by
 * migrator, then {@code migrator verify} under a small heap (flat memory: it must fit) and, with
 * {@code --baseline-jar}, an earlier migrator.jar's verify on the same tables under a large one, side by side.
 * Usage: {@code java -jar bench/target/migrator-bench.jar verify [--items N] [--item-bytes B] [--delay-ms D]
 * [--heap 256m] [--baseline-jar PATH] [--migrator-jar PATH]}.
 */
public final class VerifyBenchmark {
    private VerifyBenchmark() {}

    public static void main(String[] args) throws Exception {
        Args a = Args.of(args);
        int items = a.integer("--items", 1_000_000);
        int itemBytes = a.integer("--item-bytes", 1300);
        String heap = a.values().getOrDefault("--heap", "256m");
        Path work = Files.createTempDirectory("migrator-verify-bench");
        int port = LocalEmulators.freePort();
        System.out.printf("DynamoDB Local behind a link of %d ms each way; %,d items of ~%d bytes; verify under -Xmx%s%n", a.delayMs(),
                items, itemBytes, heap);
        try (ChildProcess emulator = LocalEmulators.startDynamoDb(LocalEmulators.locateHome(), port, work.resolve("dynamodb.log"));
             LatencyProxy link = LatencyProxy.start(port, Duration.ofMillis(a.delayMs()))) {
            Baselines direct = new Baselines(URI.create("http://127.0.0.1:" + port), 16);
            Runner runner = new Runner(work, link, a.migratorJar(), false, Neighbours.of(emulator));
            long started = System.nanoTime();
            direct.createTable("source");
            direct.fill("source", items, itemBytes);
            direct.createTable("target");
            System.out.printf("  filled the source in %.0f s%n", (System.nanoTime() - started) / 1e9);
            String endpoint = link.uri().toString();
            String schema = """
                    {"schemaVersion": "1.0",
                     "source": {"region": "us-east-1", "endpoint": "%s"}, "target": {"region": "us-east-1", "endpoint": "%s"},
                     "tables": [{"name": "bench", "source": "source", "target": "target"}]}
                    """.formatted(endpoint, endpoint);
            runner.migrator("copy (migrator run --no-verify)", schema, items);
            List<Contender> results = new ArrayList<>();
            results.add(runner.verify("migrator verify, -Xmx" + heap, a.migratorJar(), schema, items, heap));
            String baseline = a.values().get("--baseline-jar");
            if (baseline != null) {
                results.add(runner.verify("baseline jar verify, -Xmx2g", Path.of(baseline), schema, items, "2g"));
            }
            Figures.table("full verification of a table pair, " + a.delayMs() + " ms each way (units: items checked; "
                    + "requests: Scan pages of both sides, and BatchGetItem where used)", "items", results, List.of("baseline jar"), false);
            Figures goals = new Figures();
            Contender ours = results.get(0);
            goals.line(String.format("verify peak heap %d MiB for %,d items (goal < 256 MiB)  %s", ours.peakHeapMiB(), items,
                    ours.peakHeapMiB() >= 0 && ours.peakHeapMiB() < 256 ? "MET" : "NOT MET"));
            goals.print("goals (issue 15), this run:");
        }
    }
}
