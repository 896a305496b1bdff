package dev.migrator.testkit;

import dev.migrator.local.ChildProcess;
import dev.migrator.local.LocalEmulators;
import dev.migrator.local.RedisServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.Jedis;

/**
 * Real Redis servers for a test class, each on a free 127.0.0.1 port. Where redis-server is not installed the tests
 * are skipped, except in CI (CI=true), where .ci/run installs it and its absence is a failure.
 */
public final class RedisServers implements AutoCloseable, org.junit.jupiter.api.extension.AfterEachCallback {
    private final List<ChildProcess> started = new ArrayList<>();
    private Path logs;

    /** Registered on a test class ({@code @RegisterExtension}), it stops the servers after each test. */
    public RedisServers() {}

    @Override
    public void afterEach(org.junit.jupiter.api.extension.ExtensionContext context) {
        close();
    }

    /** The servers' logs and cluster files, kept for a failed test under the build's own target/ (not the machine's /tmp). */
    private Path logs() throws java.io.IOException {
        if (logs == null) {
            logs = java.nio.file.Files.createTempDirectory(java.nio.file.Files.createDirectories(Path.of("target", "redis-servers")), "servers").toAbsolutePath();
        }
        return logs;
    }

    /** Skips (or, in CI, fails) the calling test where redis-server is missing. */
    public static void assumeInstalled() {
        if (RedisServer.executable().isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("redis-server is not installed; .ci/run installs Debian's redis-server package");
            }
            Assumptions.assumeTrue(false, "redis-server is not installed (apt-get install redis-server)");
        }
    }

    /** A new server; {@code extra}: more redis-server arguments. */
    public ChildProcess start(String name, String... extra) throws Exception {
        assumeInstalled();
        ChildProcess server = RedisServer.start(name, LocalEmulators.freePort(), logs().resolve(name + ".log"), extra);
        started.add(server);
        return server;
    }

    /**
     * A cluster of {@code primaries} servers with no replicas, created with redis-cli --cluster create; returns once
     * every node says cluster_state:ok.
     */
    public List<ChildProcess> cluster(String name, int primaries) throws Exception {
        List<ChildProcess> nodes = new ArrayList<>();
        List<String> command = new ArrayList<>(List.of(RedisServer.executable().orElseThrow().resolveSibling("redis-cli").toString(),
                "--cluster", "create"));
        for (int i = 0; i < primaries; i++) {
            int port = LocalEmulators.freePort();
            nodes.add(start(name + "-" + i, "--cluster-enabled", "yes", "--cluster-config-file",
                    logs().resolve(name + "-" + i + "-nodes.conf").toString()));
            command.add("127.0.0.1:" + nodes.get(i).port());
        }
        command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        Process create = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logs().resolve(name + "-create.log").toFile()).start();
        Assertions.assertEquals(0, create.waitFor(), "redis-cli --cluster create; see " + logs().resolve(name + "-create.log"));
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        for (ChildProcess node : nodes) {
            try (Jedis j = client(node)) {
                while (!j.clusterInfo().contains("cluster_state:ok")) {
                    Assertions.assertTrue(System.nanoTime() < deadline, "cluster " + name + " not ok within 30 s");
                    Thread.sleep(50);
                }
            }
        }
        return nodes;
    }

    public static Jedis client(ChildProcess server) {
        return new Jedis("127.0.0.1", server.port());
    }

    @Override
    public void close() {
        started.forEach(ChildProcess::close);
        started.clear();
    }
}
