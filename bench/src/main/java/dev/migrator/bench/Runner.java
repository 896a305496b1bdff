package dev.migrator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.local.LocalEmulators;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts each contender as its own process through the link and measures it the same way: migrator
 * ({@code java -jar migrator.jar run}), the bare baselines ({@link Peer}), and other tools' commands.
 */
final class Runner {
    static final Map<String, String> EMULATOR_ENV = Map.of("AWS_ACCESS_KEY_ID", LocalEmulators.ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY", LocalEmulators.SECRET_KEY, "AWS_DEFAULT_REGION", "us-east-1", "AWS_REGION", "us-east-1",
            "AWS_CONFIG_FILE", "/dev/null", "AWS_SHARED_CREDENTIALS_FILE", "/dev/null");

    /**
     * The untimed migrator runs each benchmark makes first. The first writes the class archive later runs map, as an
     * operator's second run on does. The second because after one, whichever contender came next was 15-25% slower
     * (the same jar, at its defaults or at 64 in flight alike; buckets, 10,000 objects): its neighbours (S3Proxy and
     * the link) spent 1.5-2x the CPU per object they spent on the contender after it. After two, both measured the same.
     */
    static final List<String> WARM_UPS = List.of("warm-up of migrator (its first run writes its class archive)",
            "second warm-up of migrator (its neighbours settle)");

    private final Path work;
    private final LatencyProxy link;
    private final List<LatencyProxy> others;
    private final Path migratorJar;
    private final boolean profile;
    private final Neighbours neighbours;
    private int runs;

    Runner(Path work, LatencyProxy link, Path migratorJar, boolean profile, Neighbours neighbours) {
        this(work, List.of(link), migratorJar, profile, neighbours);
    }

    /** Requests through every link are counted; {@link #link()} is the first; the neighbours' CPU is measured beside each contender. */
    Runner(Path work, List<LatencyProxy> links, Path migratorJar, boolean profile, Neighbours neighbours) {
        this.work = work;
        this.link = links.get(0);
        this.others = links.subList(1, links.size());
        this.migratorJar = migratorJar;
        this.profile = profile;
        this.neighbours = neighbours;
    }

    /** A contender's own measurement, and what its neighbours spent meanwhile. */
    private record Run(ChildRun.Measured measured, Map<String, Double> beside) {}

    private Run run(List<String> command, Map<String, String> env, Path gcLog) throws IOException, InterruptedException {
        neighbours.settle();
        resetCounts();
        Map<String, Double> before = neighbours.sample();
        ChildRun.Measured m = ChildRun.run(command, env, work, gcLog);
        return new Run(m, neighbours.since(before));
    }

    LatencyProxy link() {
        return link;
    }

    /** {@code java -jar migrator.jar run SCHEMA --no-verify --json}, 512 MiB of heap at most; checks what it copied. */
    Contender migrator(String name, String schemaJson, long expected) throws IOException, InterruptedException {
        return migratorWithReport(name, schemaJson, expected).contender();
    }

    /** What a migrator run measured, and its report (step durations, outputs). */
    record MigratorRun(Contender contender, JsonNode report) {}

    /** {@code java -jar migrator.jar plan SCHEMA}: everything a run does before its first copy (JVM, schema, clients, preflight). */
    double planSeconds(String schemaJson) throws IOException, InterruptedException {
        Path schema = Files.writeString(work.resolve("plan-" + (++runs) + ".json"), schemaJson);
        return ChildRun.run(List.of("java", "-Xmx512m", "-jar", migratorJar.toString(), "plan", schema.toString()), migratorEnv(), work, null)
                .seconds();
    }

    /**
     * The emulators' credentials and the class archive of this benchmark's own warm-up run (a table run's archive holds no
     * S3 classes; without it, a plan timed after the warm-ups started without an archive and dumped one: 8-9 s, not 3).
     */
    private Map<String, String> migratorEnv() {
        Map<String, String> env = new java.util.HashMap<>(EMULATOR_ENV);
        env.put("MIGRATOR_CACHE_DIR", work.resolve("migrator-cache").toString());
        return env;
    }

    MigratorRun migratorWithReport(String name, String schemaJson, long expected) throws IOException, InterruptedException {
        int run = ++runs;
        Path schema = Files.writeString(work.resolve("schema-" + run + ".json"), schemaJson);
        Path gc = work.resolve("gc-" + run + ".log");
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", ChildRun.gcLog(gc)));
        Map<String, String> env = migratorEnv();
        if (profile) { // recorded in this JVM, with the options the worker JVM would have
            env.put("MIGRATOR_RELAUNCH", "false");
            command.addAll(dev.migrator.cli.Main.workerJvmOptions());
            command.add("-XX:StartFlightRecording=filename=" + work.resolve("migrator-" + run + ".jfr") + ",settings=profile");
            System.out.println("  profile of '" + name + "': " + work.resolve("migrator-" + run + ".jfr"));
        }
        command.addAll(List.of("-jar", migratorJar.toString(), "run", schema.toString(), "--state-dir", work.resolve("state-" + run).toString(),
                "--no-verify", "--json"));
        Run r = run(command, env, gc);
        ChildRun.Measured m = r.measured();
        long requests = totalRequests();
        String out = m.output();
        JsonNode report = new ObjectMapper().readTree(out.substring(out.indexOf('{')));
        long written = 0;
        long bytes = 0;
        for (JsonNode result : report.get("results")) {
            written += result.path("counters").path("written").asLong() + result.path("counters").path("skipped").asLong();
            bytes += result.path("outputs").path("bytesCopied").asLong(0);
            if (result.path("counters").path("failed").asLong() > 0 || !result.path("outcome").asText().equals("Completed")) {
                throw new IllegalStateException(name + ": " + result);
            }
        }
        if (written != expected) {
            throw new IllegalStateException(name + " copied " + written + " of " + expected);
        }
        double steps = 0;
        String concurrency = "";
        for (JsonNode result : report.get("results")) {
            steps += java.time.Duration.parse(result.get("duration").asText()).toNanos() / 1e9;
            concurrency = result.path("outputs").path("concurrency").asText(concurrency);
        }
        System.out.printf("  %s: %.1f s (its steps %.1f s; the rest: JVMs, schema, clients, preflight, report)%s, requests %s%n", name,
                m.seconds(), steps, concurrency.isEmpty() ? "" : "; concurrency " + concurrency, requests());
        return new MigratorRun(new Contender(name, written, bytes, m.seconds(), m.cpuSeconds(), requests, m.peakHeapMiB(), r.beside()), report);
    }

    private void resetCounts() {
        link.resetCounts();
        others.forEach(LatencyProxy::resetCounts);
    }

    private long totalRequests() {
        return link.totalRequests() + others.stream().mapToLong(LatencyProxy::totalRequests).sum();
    }

    private Map<String, Long> requests() {
        Map<String, Long> all = new java.util.TreeMap<>(link.requests());
        others.forEach(o -> o.requests().forEach((k, v) -> all.merge(k, v, Long::sum)));
        return all;
    }

    /** One of the bare baselines ({@link Peer}) in its own JVM. */
    Contender peer(String name, String kind, String source, String target, int n, long bytesPerUnit, String... more)
            throws IOException, InterruptedException, URISyntaxException {
        int run = ++runs;
        Path gc = work.resolve("gc-" + run + ".log");
        Path benchJar = Path.of(Peer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = new ArrayList<>(List.of("java", "-Xmx2g", ChildRun.gcLog(gc), "-cp", benchJar.toString(),
                Peer.class.getName(), kind, link.uri().toString(), source, target, String.valueOf(n)));
        command.addAll(List.of(more));
        Run r = run(command, EMULATOR_ENV, gc);
        ChildRun.Measured m = r.measured();
        String[] lines = m.output().strip().split("\n");
        long copied = Long.parseLong(lines[lines.length - 1].replace("copied ", "").trim());
        System.out.printf("  %s: %.1f s, requests %s%n", name, m.seconds(), requests());
        return new Contender(name, copied, copied * bytesPerUnit, m.seconds(), m.cpuSeconds(), totalRequests(), m.peakHeapMiB(),
                r.beside());
    }

    /** Another tool's command; {@code units} and {@code bytes} are what it is expected to have copied (checked by the caller). */
    Contender command(String name, List<String> command, Map<String, String> env, long units, long bytes)
            throws IOException, InterruptedException {
        ++runs;
        Run r = run(command, env, null);
        ChildRun.Measured m = r.measured();
        System.out.printf("  %s: %.1f s, requests %s%n", name, m.seconds(), requests());
        return new Contender(name, units, bytes, m.seconds(), m.cpuSeconds(), totalRequests(), -1, r.beside());
    }

    /**
     * {@code java -XmxHEAP -jar JAR verify SCHEMA --json}: checks the verdict is VERIFIED with {@code expected} items checked;
     * peak heap from the GC log.
     */
    Contender verify(String name, Path jar, String schemaJson, long expected, String heap) throws IOException, InterruptedException {
        int run = ++runs;
        Path schema = Files.writeString(work.resolve("schema-" + run + ".json"), schemaJson);
        Path gc = work.resolve("gc-" + run + ".log");
        List<String> command = List.of("java", "-Xmx" + heap, ChildRun.gcLog(gc), "-jar", jar.toString(), "verify", schema.toString(),
                "--state-dir", work.resolve("state-" + run).toString(), "--json");
        Run r = run(command, migratorEnv(), gc);
        ChildRun.Measured m = r.measured();
        String out = m.output();
        JsonNode report = new ObjectMapper().readTree(out.substring(out.indexOf('{')));
        long checked = 0;
        long mismatches = 0;
        for (JsonNode v : report.findParents("matched")) {
            checked += v.path("checked").asLong();
            mismatches += v.path("missing").asLong() + v.path("extra").asLong() + v.path("different").asLong();
        }
        if (checked != expected || mismatches > 0 || !report.path("status").asText().equals("COMPLETED")) {
            throw new IllegalStateException(name + " checked " + checked + " of " + expected + ": " + out);
        }
        System.out.printf("  %s: %.1f s, peak heap %d MiB before collections, at most %d MiB live after a full collection, requests %s%n",
                name, m.seconds(), m.peakHeapMiB(), ChildRun.liveAfterFullCollections(gc), requests());
        return new Contender(name, checked, 0, m.seconds(), m.cpuSeconds(), totalRequests(), m.peakHeapMiB(), r.beside());
    }
}
