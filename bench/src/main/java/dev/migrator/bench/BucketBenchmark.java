package dev.migrator.bench;

import dev.migrator.aws.EndpointResolver;
import dev.migrator.local.ChildProcess;
import dev.migrator.local.LocalEmulators;
import dev.migrator.engine.StepResult;
import dev.migrator.run.MigrationService;
import dev.migrator.run.RunOutcome;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * S3 copy throughput on S3Proxy (its own JVM, in-memory store), in one run: migrator, {@code aws s3
 * sync} between the same two buckets, and a sequential CopyObject loop like the VAMS script; then one
 * large object copied by migrator (parallel UploadPartCopy), by {@code aws s3 cp} and by one CopyObject.
 * Usage: {@code java -jar bench/target/migrator-bench.jar buckets [--objects N] [--object-bytes B]
 * [--concurrency C] [--sequential-objects N] [--large-mib M]}.
 */
public final class BucketBenchmark {
    private BucketBenchmark() {}

    record Settings(int objects, int objectBytes, int concurrency, int sequentialObjects, int largeMib, int delayMs) {
        static Settings parse(String[] args) {
            Map<String, String> a = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                a.put(args[i], args[i + 1]);
            }
            int objects = Integer.parseInt(a.getOrDefault("--objects", "10000"));
            return new Settings(objects, Integer.parseInt(a.getOrDefault("--object-bytes", "4096")),
                    Integer.parseInt(a.getOrDefault("--concurrency", "8")),
                    Integer.parseInt(a.getOrDefault("--sequential-objects", String.valueOf(Math.min(objects, 2000)))),
                    Integer.parseInt(a.getOrDefault("--large-mib", "128")),
                    Integer.parseInt(a.getOrDefault("--delay-ms", "0")));
        }
    }

    record Result(String name, long objects, long bytes, double seconds) {
        double objectsPerSecond() {
            return objects / seconds;
        }

        double mibPerSecond() {
            return bytes / 1048576.0 / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Settings s = Settings.parse(args);
        Path work = Files.createTempDirectory("migrator-bucket-bench");
        int port = LocalEmulators.freePort();
        Optional<String> aws = AwsCli.locate();
        System.out.printf("S3Proxy in its own JVM; %,d objects of %d bytes; migrator concurrency %d; aws CLI: %s%n",
                s.objects(), s.objectBytes(), s.concurrency(), aws.map(AwsCli::version).orElse("not found (apt install awscli)"));
        try (ChildProcess proxy = LocalEmulators.startS3Proxy(LocalEmulators.locateHome(), port, work.resolve("s3proxy.log"));
             LatencyProxy link = s.delayMs() > 0 ? LatencyProxy.start(port, java.time.Duration.ofMillis(s.delayMs())) : null) {
            URI endpoint = link != null ? link.uri() : URI.create("http://127.0.0.1:" + port);
            if (link != null) {
                System.out.printf("every request goes through a link adding %d ms each way (LatencyProxy, %s)%n", s.delayMs(), endpoint);
            }
            try (S3Baselines bare = new S3Baselines(endpoint)) {
                bare.fill("warm-up-source", Math.min(s.objects(), 1000), s.objectBytes());
                migrator(endpoint, link, work, s, "warm-up-source", "warm-up-target", Math.min(s.objects(), 1000), "");
                bare.fill("bench-source", s.objects(), s.objectBytes());
                List<Result> small = new ArrayList<>();
                small.add(bare.parallelCopy("bench-source", "bench-bare", s.concurrency(), s.objectBytes()));
                small.add(migrator(endpoint, link, work, s, "bench-source", "bench-migrator", s.objects(), ""));
                if (aws.isPresent()) {
                    bare.create("bench-sync");
                    small.add(AwsCli.timed("aws s3 sync (" + AwsCli.version(aws.get()) + ", defaults)", s.objects(),
                            (long) s.objects() * s.objectBytes(), aws.get(), endpoint, "s3", "sync", "s3://bench-source", "s3://bench-sync"));
                    bare.expectCount("bench-sync", s.objects());
                }
                small.add(bare.sequentialCopy("bench-source", "bench-sequential", s.sequentialObjects(), s.objectBytes()));
                print("small objects", small, "aws s3 sync", false);

                List<Result> large = new ArrayList<>();
                long size = (long) s.largeMib() << 20;
                bare.fillLarge("large-source", "large.bin", size);
                large.add(migrator(endpoint, link, work, s, "large-source", "large-migrator", 1,
                        ", \"multipartThreshold\": \"64MiB\", \"multipartPartSize\": \"16MiB\""));
                bare.drop("large-migrator");
                if (aws.isPresent()) {
                    bare.create("large-cp");
                    large.add(AwsCli.timed("aws s3 cp (multipart, defaults)", 1, size, aws.get(), endpoint,
                            "s3", "cp", "s3://large-source/large.bin", "s3://large-cp/large.bin"));
                    bare.drop("large-cp");
                }
                large.add(bare.singleCopy("large-source", "large-single", "large.bin", size));
                print("one large object of " + s.largeMib() + " MiB", large, "aws s3 cp", true);
            }
        }
    }

    /** {@code link}: the latency proxy requests go through, if any; its request counts for this run are printed. */
    private static Result migrator(URI endpoint, LatencyProxy link, Path work, Settings s, String source, String target, int expected,
                                   String options) throws Exception {
        System.setProperty("aws.accessKeyId", LocalEmulators.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", LocalEmulators.SECRET_KEY);
        try (S3Baselines bare = new S3Baselines(endpoint)) {
            bare.create(target);
        }
        Path schema = Files.writeString(work.resolve(target + ".json"), """
                {"schemaVersion": "1.0",
                 "source": {"region": "us-east-1", "endpoint": "%s"}, "target": {"region": "us-east-1", "endpoint": "%s"},
                 "buckets": [{"name": "bench", "source": "%s", "target": "%s"}],
                 "options": {"concurrency": %d%s}}
                """.formatted(endpoint, endpoint, source, target, s.concurrency(), options));
        if (link != null) {
            link.resetCounts();
        }
        long started = System.nanoTime();
        RunOutcome outcome = new MigrationService(new EndpointResolver(Map.of()))
                .run(schema, new MigrationService.RunSettings(work.resolve("state"), dev.migrator.engine.ProgressListener.NONE, false, 1.0, false));
        double seconds = (System.nanoTime() - started) / 1e9;
        StepResult.Completed done = (StepResult.Completed) ((RunOutcome.Reported) outcome).report().results().get(0);
        if (done.counters().written() != expected || done.counters().failed() != 0) {
            throw new IllegalStateException("migrator copied " + done.counters() + " of " + expected);
        }
        System.out.printf("  migrator %s -> %s: run %.2f s, of which the bucket step %.2f s (the rest: schema, clients, preflight, report)%n",
                source, target, seconds, done.duration().toNanos() / 1e9);
        if (link != null) {
            System.out.printf("    requests through the link: %,d (%.2f per object): %s%n", link.totalRequests(),
                    link.totalRequests() / (double) expected, link.requests());
        }
        return new Result("migrator (" + s.concurrency() + " workers, server-side)", expected,
                Long.parseLong(done.outputs().get("bytesCopied")), seconds);
    }

    /** The last column compares objects/s (or MiB/s for the large object) with the peer's. */
    private static void print(String title, List<Result> results, String peer, boolean byBytes) {
        java.util.function.ToDoubleFunction<Result> rate = byBytes ? Result::mibPerSecond : Result::objectsPerSecond;
        double peerRate = results.stream().filter(r -> r.name().startsWith(peer)).mapToDouble(rate).findFirst().orElse(Double.NaN);
        System.out.println();
        System.out.println(title);
        System.out.printf("%-44s %9s %9s %11s %10s %12s%n", "phase", "objects", "seconds", "objects/s", "MiB/s", "vs " + peer);
        for (Result r : results) {
            System.out.printf("%-44s %,9d %9.1f %,11.1f %10.1f %12s%n", r.name(), r.objects(), r.seconds(), r.objectsPerSecond(),
                    r.mibPerSecond(), Double.isNaN(peerRate) ? "-" : String.format("%.2fx", rate.applyAsDouble(r) / peerRate));
        }
    }
}
