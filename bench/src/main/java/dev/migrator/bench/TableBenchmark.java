package dev.migrator.bench;

import dev.migrator.local.ChildProcess;
import dev.migrator.local.LocalEmulators;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DynamoDB copy on a link: DynamoDB Local (its own JVM) behind {@link LatencyProxy} (5 ms each way by default,
 * then 30 ms for the cross-region case), every contender in its own process on the same table: migrator at its
 * defaults and at fixed concurrencies, the pipelined bare SDK copy (8 scan segments feeding C writers) at the same
 * concurrencies, the two-phase bare copy, the sequential VAMS-style loop and copy-dynamodb-table (npm). Usage:
 * {@code java -jar bench/target/migrator-bench.jar tables [--items N] [--item-bytes B] [--delay-ms D]
 * [--cross-region-ms D] [--best-concurrency C] [--peer-items N] [--sequential-items N] [--migrator-jar PATH]
 * [--profile true] [--only NAMES] [--bandwidth-kib K] [--rounds N]}. With {@code --rounds N} migrator and the pipelined
 * bare copy on the near link run N times in turned-round order and the goals use each pooled ({@link Rounds}).
 */
public final class TableBenchmark {
    private TableBenchmark() {}

    record Settings(int items, int itemBytes, int delayMs, int crossRegionMs, int best, int peerItems, int sequential,
                    Path migratorJar, boolean profile, java.util.Set<String> only,
                    long bandwidth, int rounds) {
        static Settings parse(String[] args) {
            Args a = Args.of(args);
            return new Settings(a.integer("--items", 50000), a.integer("--item-bytes", 1300), a.delayMs(),
                    a.integer("--cross-region-ms", 30), a.integer("--best-concurrency", 64), a.integer("--peer-items", 10000),
                    a.integer("--sequential-items", 1000), a.migratorJar(), a.profile(), a.only(), a.bandwidthBytesPerSecond(),
                    Math.max(1, a.integer("--rounds", 1)));
        }
    }

    public static void main(String[] args) throws Exception {
        Settings s = Settings.parse(args);
        Path work = Files.createTempDirectory("migrator-table-bench");
        int port = LocalEmulators.freePort();
        Optional<Path> cdt = CopyDynamodbTable.install(work);
        System.out.printf("DynamoDB Local in its own JVM behind a link of %d ms each way (then %d ms); %,d items of ~%d bytes "
                + "(copy-dynamodb-table: %,d items); copy-dynamodb-table: %s%n", s.delayMs(), s.crossRegionMs(), s.items(), s.itemBytes(),
                s.peerItems(), cdt.map(Path::toString).orElse("not installed (npm could not fetch it)"));
        try (ChildProcess emulator = LocalEmulators.startDynamoDb(LocalEmulators.locateHome(), port, work.resolve("dynamodb.log"));
             LatencyProxy link = LatencyProxy.start(port, Duration.ofMillis(s.delayMs()))) {
            Baselines direct = new Baselines(URI.create("http://127.0.0.1:" + port), 16);
            link.bandwidth(s.bandwidth());
            Runner runner = new Runner(work, link, s.migratorJar(), s.profile(), Neighbours.of(emulator));
            direct.createTable("source");
            direct.fill("source", s.items(), s.itemBytes());
            direct.createTable("peer-source");
            direct.fill("peer-source", s.peerItems(), s.itemBytes());
            direct.createTable("warm-up");
            runner.peer("warm-up of the emulator", "table-pipelined", "peer-source", "warm-up", s.best(), 0);
            direct.deleteTable("warm-up");
            for (String warmUp : Runner.WARM_UPS) {
                direct.createTable("warm-up-migrator");
                migrator(runner, warmUp, "peer-source", "warm-up-migrator", "", s.peerItems());
                direct.deleteTable("warm-up-migrator");
            }

            List<Rounds.Entry> compared = new ArrayList<>(List.of(new Rounds.Entry("m-defaults", "migrator, defaults", s.items(),
                    (target, name) -> migrator(runner, name, "source", target, "", s.items()))));
            for (int c : List.of(8, s.best())) {
                compared.add(new Rounds.Entry("m-" + c, "migrator, concurrency " + c, s.items(), (target, name) -> migrator(runner, name,
                        "source", target, ", \"options\": {\"concurrency\": " + c + "}", s.items())));
                compared.add(new Rounds.Entry("p-" + c, "pipelined bare SDK copy, 8 segments, " + c + " writers", s.items(),
                        (target, name) -> runner.peer(name, "table-pipelined", "source", target, c, 0)));
            }
            List<Contender> near = new ArrayList<>(Rounds.run(s.rounds(), s.only(), direct, compared));
            near.add(direct.into(s.only(), "two-phase", s.items(), () -> runner.peer("two-phase bare copy, 8", "table-two-phase", "source", "two-phase", 8, 0)));
            near.add(direct.into(s.only(), "sequential", s.sequential(), () -> runner.peer("sequential Scan + PutItem (VAMS script)", "table-sequential",
                    "source", "sequential", s.sequential(), 0)));
            if (cdt.isPresent()) {
                near.add(direct.into(s.only(), "cdt", s.peerItems(), () -> CopyDynamodbTable.run(runner, cdt.get(), work, "peer-source", "cdt", s.peerItems())));
            }
            Figures.table("tables, " + s.delayMs() + " ms each way", "items", near, List.of("pipelined bare SDK copy, 8 s",
                    "copy-dynamodb-table"), false);

            link.delay(Duration.ofMillis(s.crossRegionMs()));
            List<Contender> far = new ArrayList<>();
            far.add(direct.into(s.only(), "far-m-defaults", s.items(), () -> migrator(runner, "migrator, defaults", "source", "far-m-defaults", "", s.items())));
            far.add(direct.into(s.only(), "far-p-8", s.items(), () -> runner.peer("pipelined bare SDK copy, 8 segments, 8 writers", "table-pipelined",
                    "source", "far-p-8", 8, 0)));
            if (cdt.isPresent()) {
                far.add(direct.into(s.only(), "far-cdt", s.peerItems(), () -> CopyDynamodbTable.run(runner, cdt.get(), work, "peer-source", "far-cdt", s.peerItems())));
            }
            Figures.table("tables, " + s.crossRegionMs() + " ms each way (cross-region)", "items", far,
                    List.of("pipelined bare SDK copy", "copy-dynamodb-table"), false);

            Figures goals = new Figures();
            goals.goal("tables: migrator vs pipelined bare copy, both at concurrency 8, items/s", near, "migrator, concurrency 8",
                    "pipelined bare SDK copy, 8 segments, 8 ", Contender::rate, 1.0, false);
            goals.goal("tables: migrator vs pipelined bare copy, both at " + s.best() + ", items/s", near, "migrator, concurrency " + s.best(),
                    "pipelined bare SDK copy, 8 segments, " + s.best() + " ", Contender::rate, 1.0, false);
            goals.goal("tables: migrator defaults vs copy-dynamodb-table, " + s.crossRegionMs() + " ms, items/s", far, "migrator, defaults",
                    "copy-dynamodb-table", Contender::rate, 10.0, false);
            goals.goal("tables: client CPU per item, migrator defaults vs pipelined bare copy (8)", near, "migrator, defaults",
                    "pipelined bare SDK copy, 8 segments, 8 ", Contender::cpuPer1000, 0.5, true);
            goals.print();
        }
    }

    private static Contender migrator(Runner runner, String name, String source, String target, String options, long expected) throws Exception {
        String endpoint = runner.link().uri().toString();
        return runner.migrator(name, """
                {"schemaVersion": "1.0",
                 "source": {"region": "us-east-1", "endpoint": "%s"}, "target": {"region": "us-east-1", "endpoint": "%s"},
                 "tables": [{"name": "bench", "source": "%s", "target": "%s"}]%s}
                """.formatted(endpoint, endpoint, source, target, options), expected);
    }
}
