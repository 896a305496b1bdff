package dev.migrator.bench;

import dev.migrator.local.ChildProcess;
import dev.migrator.local.LocalEmulators;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * S3 copy on a link: S3Proxy (its own JVM, in-memory) behind {@link LatencyProxy} (5 ms each way by default), and
 * every contender in its own process on the same data, one after another: migrator at its defaults and at its
 * best setting, the bare parallel CopyObject loop (the emulator's ceiling), rclone at its defaults and at 64
 * transfers, {@code aws s3 sync}, and the sequential VAMS-style loop; then one large object (migrator's parallel
 * part copies, {@code aws s3 cp}, one CopyObject). Usage: {@code java -jar bench/target/migrator-bench.jar buckets
 * [--objects N] [--object-bytes B] [--delay-ms D] [--best-concurrency C] [--sequential-objects N] [--large-mib M] [--rounds N]
 * [--migrator-jar PATH] [--profile true] [--only NAMES] [--bandwidth-kib K] [--warm-ups N]}. {@code --warm-ups 0} leaves out the
 * emulator's and migrator's untimed runs: a scale run (a million objects) where each would take as long as the copy
 * measured, and the class archive's first run is part of what is measured.
 */
public final class BucketBenchmark {
    private BucketBenchmark() {}

    record Settings(int objects, int objectBytes, int delayMs, int best, int sequential, int largeMib, Path migratorJar, boolean profile, java.util.Set<String> only,
                    long bandwidth, int rounds, int warmUps) {
        /**
         * S3Proxy keeps every object in its heap: the source, one contender's copy at a time, the copy dropped before it
         * until collected, and for the large object its parts as well until they are joined. An object costs its bytes
         * and about 8 KiB more (metadata, keys): sized at 3 x bytes only, 50,000 objects of 4 KiB left S3Proxy
         * collecting most of the time (a migrator run at 370 objects/s instead of about 1,000).
         */
        long emulatorHeapMib() {
            // in a store of its own: whole blocks of the smaller size, and the file system's own ~2 KiB per file
            return store().map(s -> 1024 + (4L * objects * (objectBytes + s.blockBytes() + 2048L) >> 20) + 4L * largeMib)
                    .orElseGet(() -> Math.max(1024, 512 + (4L * objects * (objectBytes + 8192L) >> 20) + 4L * largeMib));
        }

        /**
         * S3Proxy's store where its default (4 GiB of 8 KiB blocks) cannot hold the source and a copy: blocks of the
         * objects' size (a power of two, at least 512 bytes), room for both and the large object's source, copy and parts.
         */
        Optional<LocalEmulators.S3ProxyStore> store() {
            LocalEmulators.S3ProxyStore fallback = LocalEmulators.S3ProxyStore.DEFAULT;
            long large = 3L * largeMib << 20;
            if (2L * objects * inBlocks(fallback.blockBytes()) + large <= fallback.bytes()) {
                return Optional.empty();
            }
            int block = Math.min(fallback.blockBytes(), Math.max(512, Integer.highestOneBit(Math.max(1, objectBytes - 1)) << 1));
            return Optional.of(new LocalEmulators.S3ProxyStore(2L * objects * inBlocks(block) * 5 / 4 + large + (1L << 30), block));
        }

        /** The bytes one object takes in whole blocks of {@code block} bytes. */
        private long inBlocks(int block) {
            return (objectBytes + block - 1L) / block * block;
        }

        static Settings parse(String[] args) {
            Args a = Args.of(args);
            return new Settings(a.integer("--objects", 10000), a.integer("--object-bytes", 4096), a.delayMs(),
                    a.integer("--best-concurrency", 64), a.integer("--sequential-objects", 1000), a.integer("--large-mib", 128),
                    a.migratorJar(), a.profile(), a.only(), a.bandwidthBytesPerSecond(), Math.max(1, a.integer("--rounds", 1)),
                    Math.max(0, a.integer("--warm-ups", Runner.WARM_UPS.size())));
        }
    }

    public static void main(String[] args) throws Exception {
        Settings s = Settings.parse(args);
        Path work = Files.createTempDirectory("migrator-bucket-bench");
        int port = LocalEmulators.freePort();
        Optional<String> aws = AwsCli.locate();
        Optional<String> rclone = Tools.locate("rclone");
        System.out.printf("S3Proxy in its own JVM behind a link of %d ms each way; %,d objects of %d bytes; aws: %s; rclone: %s%n",
                s.delayMs(), s.objects(), s.objectBytes(), aws.map(AwsCli::version).orElse("not found (apt install awscli)"),
                rclone.map(r -> Tools.version(r, "version")).orElse("not found (apt install rclone)"));
        try (ChildProcess emulator = LocalEmulators.startS3Proxy(LocalEmulators.locateHome(), port, work.resolve("s3proxy.log"), s.emulatorHeapMib(),
                s.store());
             LatencyProxy link = LatencyProxy.start(port, Duration.ofMillis(s.delayMs()));
             S3Baselines direct = new S3Baselines(URI.create("http://127.0.0.1:" + port))) {
            link.bandwidth(s.bandwidth());
            Runner runner = new Runner(work, link, s.migratorJar(), s.profile(), Neighbours.of(emulator));
            direct.fill("bench-source", s.objects(), s.objectBytes());
            if (s.warmUps() > 0) {
                direct.create("warm-up");
                runner.peer("warm-up of the emulator", "s3-parallel", "bench-source", "warm-up", 64, s.objectBytes());
                direct.drop("warm-up");
            }
            for (String warmUp : Runner.WARM_UPS.subList(0, Math.min(s.warmUps(), Runner.WARM_UPS.size()))) {
                direct.create("warm-up-migrator");
                runner.migrator(warmUp, schema(runner,
                        "\"buckets\": [{\"name\": \"bench\", \"source\": \"bench-source\", \"target\": \"warm-up-migrator\"}]", ""), s.objects());
                direct.drop("warm-up-migrator");
            }
            List<Contender> small = smallObjects(s, runner, direct, aws, rclone);
            Figures.table("small objects (" + s.objects() + " x " + s.objectBytes() + " B, " + s.delayMs() + " ms each way)", "objects",
                    small, List.of("rclone, --transfers " + s.best(), "aws s3 sync"), false);
            List<Contender> large = largeObject(s, runner, direct, aws);
            Figures.table("one object of " + s.largeMib() + " MiB", "objects", large, List.of("aws s3 cp"), true);
            Figures goals = new Figures();
            goals.goal("buckets: migrator defaults vs rclone at its best, objects/s", small, "migrator, defaults",
                    "rclone, --transfers " + s.best(), Contender::rate, 1.0, false);
            goals.goal("buckets: migrator defaults vs aws s3 sync, objects/s", small, "migrator, defaults", "aws s3 sync", Contender::rate, 5.0, false);
            goals.ceiling("  5x aws s3 sync", small, "migrator, defaults", "aws s3 sync", 5.0);
            goals.ceiling("  1x rclone at its best", small, "migrator, defaults", "rclone, --transfers " + s.best(), 1.0);
            goals.goal("buckets: CPU per object, migrator defaults vs rclone at its best", small, "migrator, defaults",
                    "rclone, --transfers " + s.best(), Contender::cpuPer1000, 1.5, true);
            goals.goal("large object: migrator vs aws s3 cp, MiB/s", large, "migrator", "aws s3 cp", Contender::mibPerSecond, 1.0, false);
            goals.print();
        }
    }

    private static List<Contender> smallObjects(Settings s, Runner runner, S3Baselines direct, Optional<String> aws,
                                                Optional<String> rclone) throws Exception {
        List<Contender> results = new ArrayList<>();
        long bytes = (long) s.objects() * s.objectBytes();
        String bucketPair = "\"buckets\": [{\"name\": \"bench\", \"source\": \"bench-source\", \"target\": \"%s\"}]";
        List<Rounds.Entry> compared = new ArrayList<>(List.of(
                new Rounds.Entry("m-defaults", "migrator, defaults", s.objects(),
                        (target, name) -> runner.migrator(name, schema(runner, bucketPair.formatted(target), ""), s.objects())),
                new Rounds.Entry("m-best", "migrator, concurrency " + s.best(), s.objects(), (target, name) -> runner.migrator(name,
                        schema(runner, bucketPair.formatted(target), ", \"options\": {\"concurrency\": " + s.best() + "}"), s.objects()))));
        Map<String, String> env = rclone.isPresent() ? Tools.rcloneEnv(runner.link().uri()) : Map.of();
        rclone.ifPresent(r -> compared.add(new Rounds.Entry("rclone-best", "rclone, --transfers " + s.best() + " --checkers " + s.best(),
                s.objects(), (target, name) -> runner.command(name, List.of(r, "copy", "--transfers", String.valueOf(s.best()),
                "--checkers", String.valueOf(s.best()), "src:bench-source", "src:" + target), env, s.objects(), bytes))));
        results.addAll(Rounds.run(s.rounds(), s.only(), direct, compared));
        results.add(direct.into(s.only(), "bare", s.objects(), () -> runner.peer("bare parallel CopyObject, " + s.best() + " threads (ceiling)",
                "s3-parallel", "bench-source", "bare", s.best(), s.objectBytes())));
        if (rclone.isPresent()) {
            results.add(direct.into(s.only(), "rclone-defaults", s.objects(), () -> runner.command("rclone, defaults",
                    List.of(rclone.get(), "copy", "src:bench-source", "src:rclone-defaults"), env, s.objects(), bytes)));
        }
        if (aws.isPresent()) {
            results.add(direct.into(s.only(), "sync", s.objects(), () -> runner.command("aws s3 sync (" + AwsCli.version(aws.get()) + ", defaults)",
                    AwsCli.command(aws.get(), runner.link().uri(), "s3", "sync", "s3://bench-source", "s3://sync"), Runner.EMULATOR_ENV,
                    s.objects(), bytes)));
        }
        results.add(direct.into(s.only(), "sequential", Math.min(s.sequential(), s.objects()), () -> runner.peer(
                "sequential CopyObject (VAMS script, first " + s.sequential() + ")", "s3-sequential", "bench-source", "sequential",
                s.sequential(), s.objectBytes())));
        return results;
    }

    private static List<Contender> largeObject(Settings s, Runner runner, S3Baselines direct, Optional<String> aws) throws Exception {
        long size = (long) s.largeMib() << 20;
        direct.fillLarge("large-source", "large.bin", size);
        if (size > 0 && (s.only().isEmpty() || s.only().stream().anyMatch(name -> name.startsWith("large-")))) {
            direct.warmUpMultipart("large-source", "large.bin", size);
        }
        List<Contender> results = new ArrayList<>();
        results.add(direct.into(s.only(), "large-migrator", 1, () -> runner.migrator("migrator (parallel UploadPartCopy, 16 MiB parts)",
                schema(runner, "\"buckets\": [{\"name\": \"large\", \"source\": \"large-source\", \"target\": \"large-migrator\"}]",
                        ", \"options\": {\"multipartThreshold\": \"64MiB\", \"multipartPartSize\": \"16MiB\"}"), 1)));
        if (aws.isPresent()) {
            results.add(direct.into(s.only(), "large-cp", 1, () -> runner.command("aws s3 cp (multipart, defaults)",
                    AwsCli.command(aws.get(), runner.link().uri(), "s3", "cp", "s3://large-source/large.bin", "s3://large-cp/large.bin"),
                    Runner.EMULATOR_ENV, 1, size)));
        }
        results.add(direct.into(s.only(), "large-single", 1, () -> runner.peer("one CopyObject", "s3-single", "large-source", "large-single", 1,
                size, "large.bin")));
        return results;
    }

    private static String schema(Runner runner, String pairs, String options) {
        String endpoint = runner.link().uri().toString();
        return """
                {"schemaVersion": "1.0",
                 "source": {"region": "us-east-1", "endpoint": "%s"}, "target": {"region": "us-east-1", "endpoint": "%s"},
                 %s%s}
                """.formatted(endpoint, endpoint, pairs, options);
    }
}
