package dev.migrator.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.local.ChildProcess;
import dev.migrator.testkit.Cli;
import dev.migrator.testkit.KilledCli;
import dev.migrator.testkit.RedisServers;
import dev.migrator.testkit.SchemaBuilder;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * 100,000 keys, a worker killed with SIGKILL mid-copy and resumed from its SCAN cursor; credentials from the
 * environment and a file, never written anywhere. The CLI runs as a child process, as an operator runs it.
 */
class RedisResumeTest {
    private static final int KEYS = 100_000;
    @TempDir
    Path dir;
    @RegisterExtension
    final RedisServers servers = new RedisServers();

    @Test
    void aCopyKilledMidwayResumesFromItsCursorWithNothingLostOrDoubled() throws Exception {
        ChildProcess source = servers.start("source");
        ChildProcess target = servers.start("target");
        try (Jedis s = RedisServers.client(source)) {
            RedisData.strings(s, "key:", KEYS - 1);
            s.set("ttl", "v", redis.clients.jedis.params.SetParams.setParams().ex(1000));
        }
        Path schema = SchemaBuilder.between("us-east-1", "us-east-1").redis("cache", source.port(), target.port(), Map.of())
                .option("writeRateLimit", Map.of("itemsPerSecond", 15_000)).write(dir.resolve("schema.json"));
        Process run = cli(schema, Map.of(), "run", schema.toString(), "--state-dir", state());
        awaitCheckpoint(json -> !json.contains("\"finished\":true"));
        KilledCli.kill(run);
        long copied;
        try (Jedis t = RedisServers.client(target)) {
            copied = t.dbSize();
        }
        assertThat(copied).as("killed mid-copy").isBetween(1L, KEYS - 1L);

        StringWriter refused = new StringWriter();
        assertThat(Cli.run(refused, "run", schema.toString(), "--state-dir", state())).as(refused.toString()).isEqualTo(3);
        assertThat(refused.toString()).contains("is not empty").contains("--resume");

        StringWriter resumed = new StringWriter();
        assertThat(Cli.run(resumed, "run", schema.toString(), "--state-dir", state(), "--resume")).as(resumed.toString()).isZero();
        long written = Long.parseLong(resumed.toString().replaceAll("(?s).*redis:cache done: \\d+ read, (\\d+) written.*", "$1"));
        assertThat(written).as("the resumed copy continues from the cursor").isLessThan(KEYS);
        assertThat(resumed.toString()).contains("verify redis:cache: ok (source " + KEYS + ", target " + KEYS);
        try (Jedis t = RedisServers.client(target)) {
            assertThat(t.dbSize()).isEqualTo(KEYS);
            assertThat(t.ttl("ttl")).isBetween(900L, 1000L);
        }
    }

    @Test
    void passwordsComeFromTheEnvironmentOrAFileAndAreNeverWrittenDown() throws Exception {
        String sourcePassword = "s0urce-Secret-" + System.nanoTime();
        String targetPassword = "t4rget-Secret-" + System.nanoTime();
        ChildProcess source = servers.start("source-auth", "--requirepass", sourcePassword);
        ChildProcess target = servers.start("target-auth", "--requirepass", targetPassword);
        try (Jedis s = RedisServers.client(source)) {
            s.auth(sourcePassword);
            RedisData.strings(s, "k:", 100);
        }
        Path passwordFile = dir.resolve("target.pw");
        Files.writeString(passwordFile, targetPassword + "\n");
        SchemaBuilder builder = SchemaBuilder.between("us-east-1", "us-east-1").redis("cache", source.port(), target.port(), Map.of());
        Path schema = builder.write(dir.resolve("schema.json"));
        String text = Files.readString(schema).replaceFirst("\"port\" : " + source.port(),
                "\"port\" : " + source.port() + ", \"passwordEnv\" : \"MIGRATOR_TEST_REDIS_PW\"")
                .replaceFirst("\"port\" : " + target.port(), "\"port\" : " + target.port() + ", \"passwordFile\" : \"target.pw\"");
        Files.writeString(schema, text);

        StringWriter missing = new StringWriter();
        assertThat(Cli.run(missing, "plan", schema.toString())).as(missing.toString()).isEqualTo(3);
        assertThat(missing.toString()).contains("environment variable MIGRATOR_TEST_REDIS_PW (passwordEnv at /redis/0/source) is not set");

        Process run = cli(schema, Map.of("MIGRATOR_TEST_REDIS_PW", sourcePassword), "run", schema.toString(), "--state-dir", state());
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("cli.log"));
        assertThat(run.exitValue()).as(log).isZero();
        assertThat(log).contains("GO: 1 of 1").doesNotContain(sourcePassword).doesNotContain(targetPassword);
        for (Path file : files(dir.resolve("state"))) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(content).as(file.toString()).doesNotContain(sourcePassword).doesNotContain(targetPassword);
        }

        Path inline = dir.resolve("inline.json");
        Files.writeString(inline, text.replace("\"passwordEnv\" : \"MIGRATOR_TEST_REDIS_PW\"", "\"password\" : \"hunter2\""));
        StringWriter invalid = new StringWriter();
        assertThat(Cli.run(invalid, "validate", inline.toString())).as(invalid.toString()).isEqualTo(2);
        assertThat(invalid.toString()).contains("/redis/0/source/password").contains("a password is never written into the schema file")
                .contains("passwordEnv").doesNotContain("hunter2");
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    /** A cluster's SCAN walks its primaries one after another; killed on the second, the resume starts there. */
    @Test
    void aClusterCopyKilledOnItsSecondPrimaryResumesThere() throws Exception {
        int keys = 30_000;
        List<ChildProcess> source = servers.cluster("source", 3);
        ChildProcess target = servers.start("target");
        java.util.Set<redis.clients.jedis.HostAndPort> seeds = new java.util.HashSet<>();
        source.forEach(n -> seeds.add(new redis.clients.jedis.HostAndPort("127.0.0.1", n.port())));
        try (redis.clients.jedis.JedisCluster c = new redis.clients.jedis.JedisCluster(seeds);
             redis.clients.jedis.ClusterPipeline p = c.pipelined()) {
            for (int i = 0; i < keys; i++) {
                p.set("key:" + i, "value-" + i);
            }
            p.sync();
        }
        Path schema = SchemaBuilder.between("us-east-1", "us-east-1").redis("cache", source.get(0).port(), target.port(), Map.of())
                .redisCluster(0, "source").option("writeRateLimit", Map.of("itemsPerSecond", 6_000)).write(dir.resolve("cluster.json"));
        Process run = cli(schema, Map.of(), "run", schema.toString(), "--state-dir", state());
        awaitCheckpoint(json -> json.contains("\"cursor\":\"1:") && !json.contains("\"cursor\":\"1:0\""));
        KilledCli.kill(run);
        StringWriter resumed = new StringWriter();
        assertThat(Cli.run(resumed, "run", schema.toString(), "--state-dir", state(), "--resume")).as(resumed.toString()).isZero();
        long written = Long.parseLong(resumed.toString().replaceAll("(?s).*redis:cache done: \\d+ read, (\\d+) written.*", "$1"));
        assertThat(written).as("the resumed copy starts on the second primary").isLessThan(keys * 3L / 4);
        assertThat(resumed.toString()).contains("verify redis:cache: ok (source " + keys + ", target " + keys);
    }

    private void awaitCheckpoint(java.util.function.Predicate<String> reached) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Optional<String> checkpoint = dev.migrator.testkit.LiveState.read(dir.resolve("state"), "redis-cache.json");
            if (checkpoint.isPresent() && reached.test(checkpoint.get())) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no cursor checkpoint within 60 s; log: " + Files.readString(dir.resolve("cli.log")));
    }

    private Process cli(Path schema, Map<String, String> env, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(dev.migrator.testkit.CliChild.command(args)).redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private String state() {
        return dir.resolve("state").toString();
    }
}
