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
public final class RedisServers implements AutoCloseable {
    private final Path logs;
    private final List<ChildProcess> started = new ArrayList<>();

    public RedisServers(Path logs) {
        this.logs = logs;
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
        ChildProcess server = RedisServer.start(name, LocalEmulators.freePort(), logs.resolve(name + ".log"), extra);
        started.add(server);
        return server;
    }

    public static Jedis client(ChildProcess server) {
        return new Jedis("127.0.0.1", server.port());
    }

    @Override
    public void close() {
        started.forEach(ChildProcess::close);
    }
}
