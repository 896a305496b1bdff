package dev.migrator.bench;

import dev.migrator.local.ChildProcess;
import dev.migrator.local.LocalEmulators;
import dev.migrator.local.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * Redis copy on a link (issue 16): a source and a target redis-server, each behind its own {@link LatencyProxy}
 * (5 ms each way by default, counting commands), every contender in its own process on the same keys: migrator at
 * its defaults and at a fixed concurrency, the bare pipelined DUMP/RESTORE copy at the same concurrencies, MIGRATE
 * COPY REPLACE of each SCAN page (the source server sends the keys through the target's link) and the sequential
 * loop. Usage: {@code java -jar bench/target/migrator-bench.jar redis [--keys N] [--value-bytes B] [--delay-ms D]
 * [--best-concurrency C] [--sequential-keys N] [--migrator-jar PATH] [--only NAMES]}.
 */
public final class RedisBenchmark {
    private RedisBenchmark() {}

    public static void main(String[] args) throws Exception {
        Args a = Args.of(args);
        int keys = a.integer("--keys", 200_000);
        int valueBytes = a.integer("--value-bytes", 100);
        int best = a.integer("--best-concurrency", 32);
        int sequential = a.integer("--sequential-keys", 2_000);
        Set<String> only = a.only();
        Path work = Files.createTempDirectory("migrator-redis-bench");
        System.out.printf("two redis-servers, each behind a link of %d ms each way; %,d keys of ~%d bytes (every 10th a hash of 5 "
                + "fields, every 50th with a TTL)%n", a.delayMs(), keys, valueBytes);
        try (ChildProcess source = RedisServer.start("bench-source", LocalEmulators.freePort(), work.resolve("source.log"));
             ChildProcess target = RedisServer.start("bench-target", LocalEmulators.freePort(), work.resolve("target.log"));
             LatencyProxy toSource = LatencyProxy.startResp(source.port(), Duration.ofMillis(a.delayMs()));
             LatencyProxy toTarget = LatencyProxy.startResp(target.port(), Duration.ofMillis(a.delayMs()))) {
            fill(source.port(), keys, valueBytes);
            Runner runner = new Runner(work, List.of(toSource, toTarget), a.migratorJar(), a.profile(), Neighbours.of(source, target));
            String from = "127.0.0.1:" + toSource.port();
            String to = "127.0.0.1:" + toTarget.port();
            List<Contender> results = new ArrayList<>();
            Contest contest = new Contest(only, target.port(), results);
            contest.run("m-defaults", keys, () -> runner.migrator("migrator, defaults", schema(toSource, toTarget, ""), keys));
            for (int c : List.of(8, best)) {
                contest.run("m-" + c, keys, () -> runner.migrator("migrator, concurrency " + c,
                        schema(toSource, toTarget, ", \"options\": {\"concurrency\": " + c + "}"), keys));
                contest.run("p-" + c, keys, () -> runner.peer("bare pipelined DUMP/RESTORE, " + c + " threads", "redis-pipelined", from, to, c,
                        valueBytes));
            }
            contest.run("migrate", keys, () -> runner.peer("MIGRATE COPY REPLACE per page, 8 threads", "redis-migrate", from, to, 8, valueBytes));
            contest.run("sequential", sequential, () -> runner.peer("sequential DUMP, PTTL, RESTORE per key", "redis-sequential", from, to,
                    sequential, valueBytes));
            Figures.table("redis, " + a.delayMs() + " ms each way (requests: Redis commands through both links)", "keys", results,
                    List.of("bare pipelined DUMP/RESTORE, 8 ", "MIGRATE"), false);
            Figures goals = new Figures();
            goals.goal("redis: migrator vs bare pipelined copy, both at concurrency 8, keys/s", results, "migrator, concurrency 8",
                    "bare pipelined DUMP/RESTORE, 8 ", Contender::rate, 1.0, false);
            goals.goal("redis: client CPU per key, migrator defaults vs bare pipelined copy (8)", results, "migrator, defaults",
                    "bare pipelined DUMP/RESTORE, 8 ", Contender::cpuPer1000, 1.0, true);
            goals.print("redis, this run:");
        }
    }

    /** Runs the contenders --only names (all by default), each into an emptied target whose key count it checks. */
    private record Contest(Set<String> only, int targetPort, List<Contender> results) {
        interface Run {
            Contender run() throws Exception;
        }

        void run(String name, long expected, Run run) throws Exception {
            if (!only.isEmpty() && !only.contains(name)) {
                return;
            }
            try (Jedis t = new Jedis("127.0.0.1", targetPort)) {
                t.flushAll();
                Contender c = run.run();
                long held = t.dbSize();
                if (held != expected) {
                    throw new IllegalStateException(c.name() + " left " + held + " keys in the target, not " + expected);
                }
                results.add(c);
            }
        }
    }

    private static void fill(int port, int keys, int valueBytes) {
        String value = "v".repeat(valueBytes);
        try (Jedis j = new Jedis("127.0.0.1", port); Pipeline p = j.pipelined()) {
            for (int i = 0; i < keys; i++) {
                if (i % 10 == 0) {
                    p.hset("hash:" + i, Map.of("a", value, "b", "2", "c", "3", "d", "4", "e", "5"));
                } else {
                    p.set("key:" + i, value);
                }
                if (i % 50 == 0) {
                    p.expire(i % 10 == 0 ? "hash:" + i : "key:" + i, 3600);
                }
                if (i % 10_000 == 0) {
                    p.sync();
                }
            }
            p.sync();
        }
    }

    private static String schema(LatencyProxy source, LatencyProxy target, String options) {
        return """
                {"schemaVersion": "1.0", "source": {"region": "us-east-1"}, "target": {"region": "us-east-1"},
                 "redis": [{"name": "bench", "source": {"host": "127.0.0.1", "port": %d}, "target": {"host": "127.0.0.1", "port": %d}}]%s}
                """.formatted(source.port(), target.port(), options);
    }
}
