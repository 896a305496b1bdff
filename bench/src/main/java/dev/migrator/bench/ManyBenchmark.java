package dev.migrator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrator.local.ChildProcess;
import dev.migrator.local.LocalEmulators;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A schema with many small resources, as VAMS has (16 tables, 2 buckets), on the link (DynamoDB Local and
 * S3Proxy each behind a {@link LatencyProxy}): migrator with its steps one after another ({@code parallelSteps}
 * 1), at its default (4), and all at once; each run against {@code migrator plan} on the same schema (what a run
 * does before its first copy) and its longest step. Usage: {@code java -jar bench/target/migrator-bench.jar many
 * [--tables N] [--items N] [--buckets N] [--objects N] [--delay-ms D] [--bandwidth-kib K] [--parallel 1,4,18]
 * [--concurrency C] [--profile true]}; {@code --concurrency} fixes the requests in flight (the default adapts).
 */
public final class ManyBenchmark {
    private ManyBenchmark() {}

    record Settings(int tables, int items, int buckets, int objects, int delayMs, Path migratorJar, long bandwidth, boolean profile,
                    List<Integer> parallel, int concurrency) {
        static Settings parse(String[] args) {
            Args a = Args.of(args);
            int all = a.integer("--tables", 16) + a.integer("--buckets", 2);
            List<Integer> parallel = a.values().containsKey("--parallel")
                    ? java.util.Arrays.stream(a.values().get("--parallel").split(",")).map(Integer::valueOf).toList() : List.of(1, 4, all);
            return new Settings(a.integer("--tables", 16), a.integer("--items", 3000), a.integer("--buckets", 2), a.integer("--objects", 3000),
                    a.delayMs(), a.migratorJar(), a.bandwidthBytesPerSecond(), a.profile(), parallel, a.integer("--concurrency", 0));
        }
    }

    public static void main(String[] args) throws Exception {
        Settings s = Settings.parse(args);
        Path work = Files.createTempDirectory("migrator-many-bench");
        int ddbPort = LocalEmulators.freePort();
        int s3Port = LocalEmulators.freePort();
        System.out.printf("%d tables of %,d items and %d buckets of %,d objects, each emulator behind a link of %d ms each way%n",
                s.tables(), s.items(), s.buckets(), s.objects(), s.delayMs());
        try (ChildProcess ddb = LocalEmulators.startDynamoDb(LocalEmulators.locateHome(), ddbPort, work.resolve("dynamodb.log"));
             ChildProcess s3 = LocalEmulators.startS3Proxy(LocalEmulators.locateHome(), s3Port, work.resolve("s3proxy.log"));
             LatencyProxy ddbLink = LatencyProxy.start(ddbPort, Duration.ofMillis(s.delayMs()));
             LatencyProxy s3Link = LatencyProxy.start(s3Port, Duration.ofMillis(s.delayMs()));
             S3Baselines buckets = new S3Baselines(URI.create("http://127.0.0.1:" + s3Port))) {
            Baselines tables = new Baselines(URI.create("http://127.0.0.1:" + ddbPort), 16);
            ddbLink.bandwidth(s.bandwidth());
            s3Link.bandwidth(s.bandwidth());
            for (int t = 0; t < s.tables(); t++) {
                tables.createTable("source-" + t);
                tables.fill("source-" + t, s.items(), 1300);
            }
            for (int b = 0; b < s.buckets(); b++) {
                buckets.fill("source-" + b, s.objects(), 4096);
            }
            Runner runner = new Runner(work, List.of(ddbLink, s3Link), s.migratorJar(), s.profile(), Neighbours.of(ddb, s3));
            long units = (long) s.tables() * s.items() + (long) s.buckets() * s.objects();
            Figures goals = new Figures();
            List<Contender> results = new ArrayList<>();
            double alone = 0;
            for (String warmUp : Runner.WARM_UPS) {
                targets(s, tables, buckets, "warm", true);
                runner.migrator(warmUp, schema(s, ddbLink, s3Link, "warm", ""), units);
                targets(s, tables, buckets, "warm", false);
            }
            for (int parallel : s.parallel()) {
                String run = "p" + parallel;
                targets(s, tables, buckets, run, true);
                double plan = runner.planSeconds(schema(s, ddbLink, s3Link, run, ""));
                System.out.printf("  migrator plan (JVM, schema, clients, preflight; no copy): %.1f s%n", plan);
                Runner.MigratorRun r = runner.migratorWithReport("migrator, parallelSteps " + parallel + (parallel == 4 ? " (default)" : ""),
                        schema(s, ddbLink, s3Link, run, options(parallel, s.concurrency())), units);
                double longest = longestStep(r.report());
                if (parallel == 1) {
                    alone = longest; // the longest step with nothing beside it
                }
                results.add(r.contender());
                double bound = 1.5 * alone + plan;
                goals.line(String.format("%-40s run %5.1f s, its longest step %5.1f s; 1.5 x longest step alone (%.1f s) + plan (%.1f s) = %5.1f s  %s",
                        r.contender().name(), r.contender().seconds(), longest, alone, plan, bound,
                        parallel == 1 ? "(reference)" : alone == 0 ? "not measured (no parallelSteps 1 run before it)"
                                : r.contender().seconds() <= bound ? "MET" : "NOT MET"));
                Contender c = r.contender();
                goals.line(String.format("  the machine spent %.1f CPU s on it (migrator %.1f, %s): on %d cores no run spending as much "
                                + "takes under %.1f s", c.machineCpuSeconds(), c.cpuSeconds(), besideText(c), Figures.cores(),
                        c.machineCpuSeconds() / Figures.cores()));
                targets(s, tables, buckets, run, false);
            }
            Figures.table("many small resources: " + s.tables() + " tables, " + s.buckets() + " buckets", "units", results,
                    List.of("migrator, parallelSteps 1"), false);
            goals.print();
        }
    }

    /** Creates (or drops) one run's target tables and buckets. */
    private static void targets(Settings s, Baselines tables, S3Baselines buckets, String run, boolean create) {
        for (int t = 0; t < s.tables(); t++) {
            if (create) {
                tables.createTable(run + "-" + t);
            } else {
                tables.deleteTable(run + "-" + t);
            }
        }
        for (int b = 0; b < s.buckets(); b++) {
            if (create) {
                buckets.create(run + "-" + b);
            } else {
                buckets.drop(run + "-" + b);
            }
        }
    }

    /** The schema's options: {@code parallelSteps} unless the default (4), {@code concurrency} when fixed. */
    private static String options(int parallel, int concurrency) {
        List<String> options = new ArrayList<>();
        if (parallel != 4) {
            options.add("\"parallelSteps\": " + parallel);
        }
        if (concurrency > 0) {
            options.add("\"concurrency\": " + concurrency);
        }
        return options.isEmpty() ? "" : ", \"options\": {" + String.join(", ", options) + "}";
    }

    private static String besideText(Contender c) {
        return String.join(", ", c.besideCpuSeconds().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> String.format("%s %.1f", e.getKey(), e.getValue())).toList());
    }

    private static double longestStep(JsonNode report) {
        double longest = 0;
        for (JsonNode result : report.get("results")) {
            longest = Math.max(longest, Duration.parse(result.get("duration").asText()).toNanos() / 1e9);
        }
        return longest;
    }

    private static String schema(Settings s, LatencyProxy ddb, LatencyProxy s3, String prefix, String options) {
        StringBuilder pairs = new StringBuilder();
        for (int t = 0; t < s.tables(); t++) {
            pairs.append(t == 0 ? "" : ", ").append("{\"name\": \"t").append(t).append("\", \"source\": \"source-").append(t)
                    .append("\", \"target\": \"").append(prefix).append('-').append(t).append("\"}");
        }
        StringBuilder bucketPairs = new StringBuilder();
        for (int b = 0; b < s.buckets(); b++) {
            bucketPairs.append(b == 0 ? "" : ", ").append("{\"name\": \"b").append(b).append("\", \"source\": \"source-").append(b)
                    .append("\", \"target\": \"").append(prefix).append('-').append(b).append("\"}");
        }
        String endpoints = "\"endpoints\": {\"dynamodb\": \"" + ddb.uri() + "\", \"s3\": \"" + s3.uri() + "\"}";
        return """
                {"schemaVersion": "1.0",
                 "source": {"region": "us-east-1", %1$s}, "target": {"region": "us-east-1", %1$s},
                 "tables": [%2$s], "buckets": [%3$s]%4$s}
                """.formatted(endpoints, pairs, bucketPairs, options);
    }
}
