package dev.migrator.bench;

import dev.migrator.aws.EndpointResolver;
import dev.migrator.local.ChildProcess;
import dev.migrator.local.LocalEmulators;
import dev.migrator.engine.StepResult;
import dev.migrator.run.MigrationService;
import dev.migrator.run.RunOutcome;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB copy throughput on DynamoDB Local (an HTTP server in its own JVM), in one run:
 * the write-only ceiling, the two-phase bare copy, migrator, and a sequential Scan + PutItem loop
 * like the VAMS script. Usage: {@code java -jar bench/target/migrator-bench.jar [--items N]
 * [--concurrency C] [--item-bytes B] [--phases all|migrator] [--sequential-items N] [--repeat R]}. After a
 * warm-up, the two copies run R times, alternating, and the best of each is reported.
 */
public final class TableBenchmark {
    private TableBenchmark() {}

    record Settings(int items, int concurrency, int itemBytes, boolean all, int sequentialItems, int repeat) {
        static Settings parse(String[] args) {
            Map<String, String> a = new java.util.HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                a.put(args[i], args[i + 1]);
            }
            int items = Integer.parseInt(a.getOrDefault("--items", "20000"));
            return new Settings(items, Integer.parseInt(a.getOrDefault("--concurrency", "8")),
                    Integer.parseInt(a.getOrDefault("--item-bytes", "1000")), !"migrator".equals(a.get("--phases")),
                    Integer.parseInt(a.getOrDefault("--sequential-items", String.valueOf(Math.min(items, 5000)))),
                    Integer.parseInt(a.getOrDefault("--repeat", "2")));
        }
    }

    public static void main(String[] args) throws Exception {
        Settings s = Settings.parse(args);
        Path work = Files.createTempDirectory("migrator-bench");
        int port = LocalEmulators.freePort();
        System.out.printf("DynamoDB Local in its own JVM; %,d items of ~%d bytes; concurrency %d; max heap of this JVM %d MiB%n",
                s.items(), s.itemBytes(), s.concurrency(), Runtime.getRuntime().maxMemory() >> 20);
        try (ChildProcess ddb = LocalEmulators.startDynamoDb(LocalEmulators.locateHome(), port, work.resolve("dynamodb.log"))) {
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            Baselines bare = new Baselines(endpoint, s.concurrency());
            List<Result> results = new java.util.ArrayList<>();
            bare.createTable("warm-up");
            bare.writeOnly("warm-up", Math.min(s.items(), 5000), s.itemBytes());
            bare.createTable("warm-up-copy");
            bare.twoPhaseCopy("warm-up", "warm-up-copy", s.concurrency());
            bare.createTable("source");
            results.add(bare.writeOnly("source", s.items(), s.itemBytes()));
            Result bestTwoPhase = null;
            Result bestMigrator = null;
            for (int round = 1; round <= s.repeat(); round++) {
                if (s.all()) {
                    bare.createTable("two-phase-" + round);
                    bestTwoPhase = best(bestTwoPhase, bare.twoPhaseCopy("source", "two-phase-" + round, s.concurrency()));
                }
                bare.createTable("migrator-" + round);
                bestMigrator = best(bestMigrator, migrator(endpoint, work, s, "migrator-" + round));
            }
            if (bestTwoPhase != null) {
                results.add(bestTwoPhase);
            }
            results.add(bestMigrator);
            if (s.all()) {
                bare.createTable("sequential");
                results.add(bare.sequentialCopy("source", "sequential", s.sequentialItems()));
            }
            print(results);
        }
    }

    private static Result best(Result a, Result b) {
        return a == null || b.rate() > a.rate() ? b : a;
    }

    private static Result migrator(URI endpoint, Path work, Settings s, String target) throws Exception {
        System.setProperty("aws.accessKeyId", LocalEmulators.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", LocalEmulators.SECRET_KEY);
        Path schema = Files.writeString(work.resolve(target + ".json"), """
                {"schemaVersion": "1.0",
                 "source": {"region": "us-east-1", "endpoint": "%s"}, "target": {"region": "us-east-1", "endpoint": "%s"},
                 "tables": [{"name": "bench", "source": "source", "target": "%s"}],
                 "options": {"concurrency": %d}}
                """.formatted(endpoint, endpoint, target, s.concurrency()));
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        RunOutcome outcome = new MigrationService(new EndpointResolver(Map.of()))
                .run(schema, new MigrationService.RunSettings(work.resolve("state"), dev.migrator.engine.ProgressListener.NONE, false, 1.0, false));
        double seconds = (System.nanoTime() - started) / 1e9;
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        StepResult.Completed done = (StepResult.Completed) ((RunOutcome.Reported) outcome).report().results().get(0);
        if (done.counters().written() != s.items() || done.counters().failed() != 0) {
            throw new IllegalStateException("migrator copied " + done.counters() + " of " + s.items());
        }
        return new Result("migrator (parallel scan, pipelined writes)", done.counters().written(), seconds, peakHeap);
    }

    record Result(String name, long items, double seconds, long peakHeapBytes) {
        double rate() {
            return items / seconds;
        }
    }

    private static void print(List<Result> results) {
        double twoPhase = results.stream().filter(r -> r.name().startsWith("two-phase")).mapToDouble(Result::rate).findFirst().orElse(Double.NaN);
        System.out.println();
        System.out.printf("%-48s %10s %9s %11s %12s %14s%n", "phase", "items", "seconds", "items/s", "vs two-phase", "peak heap MiB");
        for (Result r : results) {
            System.out.printf("%-48s %,10d %9.1f %,11.0f %12s %14s%n", r.name(), r.items(), r.seconds(), r.rate(),
                    Double.isNaN(twoPhase) ? "-" : String.format("%.2fx", r.rate() / twoPhase),
                    r.peakHeapBytes() > 0 ? String.valueOf(r.peakHeapBytes() >> 20) : "-");
        }
    }
}
