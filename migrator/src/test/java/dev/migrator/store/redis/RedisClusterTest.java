package dev.migrator.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.local.ChildProcess;
import dev.migrator.testkit.Cli;
import dev.migrator.testkit.RedisServers;
import dev.migrator.testkit.SchemaBuilder;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;

/** Clusters of three primaries (as ElastiCache with cluster mode enabled or MemoryDB run) on either side of a pair. */
class RedisClusterTest {
    private static final int KEYS = 5_000;
    @TempDir
    Path dir;
    @RegisterExtension
    final RedisServers servers = new RedisServers();

    @Test
    void aClusterIsScannedOnEveryPrimaryAndFollowedThroughEachOnesNotifications() throws Exception {
        List<ChildProcess> source = servers.cluster("source", 3);
        ChildProcess target = servers.start("target");
        try (JedisCluster c = cluster(source)) {
            for (int i = 0; i < KEYS; i++) {
                c.set("key:" + i, "value-" + i);
            }
            c.hset("hash", Map.of("a", "1"));
            c.rpush("list", "x", "y");
        }
        assertThat(keysPerNode(source)).as("the keys are spread over the three primaries").allMatch(n -> n > KEYS / 5);
        Path schema = SchemaBuilder.between("us-east-1", "us-east-1")
                .redis("cache", source.get(0).port(), target.port(), Map.of("catchUp", "notifications")).redisCluster(0, "source")
                .write(dir.resolve("schema.json"));
        StringWriter plan = new StringWriter();
        assertThat(Cli.run(plan, "plan", schema.toString())).as(plan.toString()).isZero();
        assertThat(plan.toString()).contains("cluster 3 primaries, state ok").contains((KEYS + 2) + " key(s)");
        StringWriter run = new StringWriter();
        assertThat(Cli.run(run, "run", schema.toString(), "--state-dir", state())).as(run.toString()).isZero();
        assertThat(run.toString()).contains((KEYS + 2) + " written, 0 skipped, 0 failed")
                .contains("verify redis:cache: ok (source " + (KEYS + 2) + ", target " + (KEYS + 2));

        try (JedisCluster c = cluster(source)) {
            c.set("key:1", "changed");
            c.del("key:2");
            c.set("new", "after the copy");
        }
        StringWriter sync = new StringWriter();
        assertThat(Cli.run(sync, "sync", schema.toString(), "--state-dir", state(), "--until-caught-up")).as(sync.toString()).isZero();
        try (Jedis t = RedisServers.client(target)) {
            assertThat(t.get("key:1")).isEqualTo("changed");
            assertThat(t.exists("key:2")).isFalse();
            assertThat(t.get("new")).isEqualTo("after the copy");
        }
    }

    @Test
    void aClusterTargetTakesEveryKeyInItsSlot() throws Exception {
        ChildProcess source = servers.start("source");
        List<byte[]> keys;
        try (Jedis s = RedisServers.client(source)) {
            keys = RedisData.everyType(s);
            RedisData.strings(s, "key:", KEYS);
        }
        List<ChildProcess> target = servers.cluster("target", 3);
        Path schema = SchemaBuilder.between("us-east-1", "us-east-1").redis("cache", source.port(), target.get(1).port(), Map.of())
                .redisCluster(0, "target").write(dir.resolve("schema.json"));
        StringWriter run = new StringWriter();
        assertThat(Cli.run(run, "run", schema.toString(), "--state-dir", state())).as(run.toString()).isZero();
        int total = keys.size() + KEYS;
        assertThat(run.toString()).contains(total + " written, 0 skipped, 0 failed")
                .contains("verify redis:cache: ok (source " + total + ", target " + total);
        assertThat(keysPerNode(target).stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
        try (JedisCluster c = cluster(target)) {
            assertThat(c.get(RedisData.BINARY_KEY)).isEqualTo(RedisData.BINARY_VALUE);
            assertThat(c.pttl("ttl:long")).isBetween(90_000L, 100_000L);
        }

        Path typed = SchemaBuilder.between("us-east-1", "us-east-1").redis("cache", source.port(), target.get(1).port(),
                Map.of("method", "typed", "ifTargetNotEmpty", "overwrite")).redisCluster(0, "target").write(dir.resolve("typed.json"));
        StringWriter again = new StringWriter();
        assertThat(Cli.run(again, "run", typed.toString(), "--state-dir", dir.resolve("state2").toString())).as(again.toString()).isZero();
        assertThat(again.toString()).contains("per type").contains(total + " written").contains("GO: 1 of 1");
    }

    private static List<Long> keysPerNode(List<ChildProcess> nodes) {
        return nodes.stream().map(n -> {
            try (Jedis j = RedisServers.client(n)) {
                return j.dbSize();
            }
        }).toList();
    }

    private static JedisCluster cluster(List<ChildProcess> nodes) {
        Set<HostAndPort> seeds = new HashSet<>();
        nodes.forEach(n -> seeds.add(new HostAndPort("127.0.0.1", n.port())));
        return new JedisCluster(seeds);
    }

    private String state() {
        return dir.resolve("state").toString();
    }
}
