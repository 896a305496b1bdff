package dev.migrator.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.local.ChildProcess;
import dev.migrator.testkit.Cli;
import dev.migrator.testkit.RedisServers;
import dev.migrator.testkit.SchemaBuilder;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** A Redis pair copied, verified and caught up through the command line, against real redis-server processes. */
class RedisCopyTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final RedisServers servers = new RedisServers();
    private ChildProcess source;
    private ChildProcess target;

    @BeforeEach
    void start() throws Exception {
        source = servers.start("source");
        target = servers.start("target");
    }

    @Test
    void everyTypeRoundTripsByteForByteWithItsTtl() throws Exception {
        List<byte[]> keys;
        try (Jedis s = RedisServers.client(source)) {
            keys = RedisData.everyType(s);
        }
        Path schema = schema(Map.of());
        StringWriter out = new StringWriter();
        assertThat(Cli.run(out, "run", schema.toString(), "--state-dir", state())).as(out.toString()).isZero();
        assertThat(out.toString()).contains("method: DUMP + RESTORE").contains(keys.size() + " written, 0 skipped, 0 failed")
                .contains("verify redis:cache: ok (source " + keys.size() + ", target " + keys.size());
        try (Jedis s = RedisServers.client(source); Jedis t = RedisServers.client(target)) {
            for (byte[] key : keys) {
                assertThat(contents(t, key)).as(KeyText.show(key)).isEqualTo(contents(s, key));
            }
            assertThat(t.pttl("ttl:long")).isBetween(90_000L, 100_000L);
            assertThat(t.pttl("hash:ttl")).isBetween(190_000L, 200_000L);
            assertThat(t.ttl("string")).isEqualTo(-1);
            assertThat(t.xinfoGroups("stream")).hasSize(1);
            assertThat(t.get(RedisData.BINARY_KEY)).isEqualTo(RedisData.BINARY_VALUE);
        }
    }

    @Test
    void perTypeCopyWhereTheSourceForbidsDump() throws Exception {
        servers.close();
        source = servers.start("source-nodump", "--rename-command", "DUMP", "");
        target = servers.start("target2");
        List<byte[]> keys;
        try (Jedis s = RedisServers.client(source)) {
            keys = RedisData.everyType(s);
        }
        Path schema = schema(Map.of());
        StringWriter plan = new StringWriter();
        assertThat(Cli.run(plan, "plan", schema.toString())).as(plan.toString()).isZero();
        assertThat(plan.toString()).contains("keys are copied per type, not by DUMP + RESTORE: the source refuses DUMP");
        StringWriter out = new StringWriter();
        assertThat(Cli.run(out, "run", schema.toString(), "--state-dir", state())).as(out.toString()).isZero();
        assertThat(out.toString()).contains(keys.size() + " written, 0 skipped, 0 failed").contains("GO: 1 of 1");
        try (Jedis t = RedisServers.client(target)) {
            assertThat(t.lrange("list:long", 0, -1)).hasSize(2000).startsWith("e0", "e1");
            assertThat(t.zscore("zset", "c")).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(t.hget(RedisData.bytes("hash:binary"), RedisData.BINARY_KEY)).isEqualTo(RedisData.BINARY_VALUE);
            assertThat(t.xlen("stream")).isEqualTo(2);
            assertThat(t.pttl("ttl:long")).isBetween(90_000L, 100_000L);
        }

        Path forced = schema(Map.of("method", "dump"));
        StringWriter refused = new StringWriter();
        assertThat(Cli.run(refused, "plan", forced.toString())).as(refused.toString()).isEqualTo(3);
        assertThat(refused.toString()).contains("DUMP + RESTORE cannot copy this pair: the source refuses DUMP")
                .contains("set \"method\": \"typed\"");
    }

    @Test
    void aTargetHoldingSelectedKeysIsRefusedBeforeAnyWriteUnlessThePolicyAllows() throws Exception {
        try (Jedis s = RedisServers.client(source); Jedis t = RedisServers.client(target)) {
            RedisData.strings(s, "k:", 100);
            t.set("k:1", "the target's own");
            t.set("other", "not selected");
        }
        StringWriter refused = new StringWriter();
        assertThat(Cli.run(refused, "run", schema(Map.of()).toString(), "--state-dir", state())).as(refused.toString()).isEqualTo(3);
        assertThat(refused.toString()).contains("target Redis 127.0.0.1:" + target.port() + "/0 is not empty").contains("k:1")
                .contains("nothing was written");
        try (Jedis t = RedisServers.client(target)) {
            assertThat(t.dbSize()).isEqualTo(2);
        }

        StringWriter skipping = new StringWriter();
        Path skip = schema(Map.of("ifTargetNotEmpty", "skip-existing", "include", List.of("k:*")));
        assertThat(Cli.run(skipping, "run", skip.toString(), "--state-dir", state())).as(skipping.toString()).isEqualTo(5);
        assertThat(skipping.toString()).contains("99 written, 1 skipped, 0 failed").contains("different: k:1: string value differs");
        try (Jedis t = RedisServers.client(target)) {
            assertThat(t.get("k:1")).isEqualTo("the target's own");
        }

        StringWriter overwriting = new StringWriter();
        Path overwrite = schema(Map.of("ifTargetNotEmpty", "overwrite", "include", List.of("k:*")));
        assertThat(Cli.run(overwriting, "run", overwrite.toString(), "--state-dir", state())).as(overwriting.toString()).isZero();
        try (Jedis t = RedisServers.client(target)) {
            assertThat(t.get("k:1")).isEqualTo("value-1");
            assertThat(t.get("other")).as("a key the patterns do not select is left alone").isEqualTo("not selected");
        }
    }

    @Test
    void verificationNamesMissingExtraDifferentAndExpiryMismatches() throws Exception {
        try (Jedis s = RedisServers.client(source)) {
            RedisData.strings(s, "k:", 50);
            s.set("ttl", "v", redis.clients.jedis.params.SetParams.setParams().ex(1000));
            for (int i = 0; i < 5_000; i++) { // long values, digested a chunk at a time
                s.rpush("long:list", "e" + i);
                if (i < 3_000) {
                    s.zadd("long:zset", i / 7.0, "m" + i);
                }
                if (i < 2_500) {
                    s.xadd("long:stream", new redis.clients.jedis.StreamEntryID(1, i), Map.of("n", String.valueOf(i)));
                }
            }
        }
        Path schema = schema(Map.of());
        StringWriter out = new StringWriter();
        assertThat(Cli.run(out, "run", schema.toString(), "--state-dir", state())).as(out.toString()).isZero();
        try (Jedis s = RedisServers.client(source); Jedis t = RedisServers.client(target)) {
            s.set("k:new", "only in the source");
            t.set("k:extra", "only in the target");
            t.set("k:3", "changed");
            t.expire("ttl", 10);
            t.rpush("k:4:list", "x");
            s.set("k:4:list", "a string in the source");
            t.lset("long:list", 4_999, "changed at the end");
            t.zadd("long:zset", 1e9, "m2999");
            t.xdel("long:stream", new redis.clients.jedis.StreamEntryID(1, 1_500)); // in the second chunk
        }
        StringWriter verify = new StringWriter();
        assertThat(Cli.run(verify, "verify", schema.toString(), "--state-dir", state())).as(verify.toString()).isEqualTo(5);
        assertThat(verify.toString()).contains("MISMATCH").contains("missing: k:new (string)").contains("extra: k:extra (string)")
                .contains("different: k:3: string value differs")
                .contains("different: k:4:list: a string in the source, a list in the target")
                .contains("different: ttl: expiry differs by").contains("different: long:list: list value differs")
                .contains("different: long:zset: zset value differs").contains("different: long:stream: stream value differs")
                .contains("6 different");
    }

    @Test
    void patternsSelectKeysAndTtlsCanBeDropped() throws Exception {
        try (Jedis s = RedisServers.client(source)) {
            RedisData.strings(s, "session:", 30);
            RedisData.strings(s, "session:tmp:", 5);
            RedisData.strings(s, "cache:", 20);
            s.expire("session:1", 500);
        }
        Path schema = schema(Map.of("include", List.of("session:*"), "exclude", List.of("session:tmp:*"), "keepTtl", false));
        StringWriter out = new StringWriter();
        assertThat(Cli.run(out, "run", schema.toString(), "--state-dir", state())).as(out.toString()).isZero();
        assertThat(out.toString()).contains("30 written").contains("ttl: dropped");
        try (Jedis t = RedisServers.client(target)) {
            assertThat(t.dbSize()).isEqualTo(30);
            assertThat(t.ttl("session:1")).isEqualTo(-1);
            assertThat(t.exists("cache:1")).isFalse();
        }
        StringWriter sampled = new StringWriter();
        assertThat(Cli.run(sampled, "verify", schema.toString(), "--state-dir", state(), "--sample", "0.5")).as(sampled.toString())
                .isZero();
        assertThat(sampled.toString()).contains("verify redis:cache: ok (sampled)").contains("extra not counted")
                .contains("NO-GO: a verification was sampled or partial");
    }

    @Test
    void keysTheTargetRefusesAreDeadLetteredWithTheReasonAndReplayedOnceFixed() throws Exception {
        try (Jedis s = RedisServers.client(source); Jedis t = RedisServers.client(target)) {
            RedisData.strings(s, "k:", 50);
            RedisData.strings(s, "x:", 10);
            t.aclSetUser("migrator", "on", ">migrator-pw", "~k:*", "+@all");
        }
        java.nio.file.Files.writeString(dir.resolve("target.pw"), "migrator-pw");
        Path schema = schema(Map.of());
        String text = java.nio.file.Files.readString(schema).replaceFirst("\"port\" : " + target.port(),
                "\"port\" : " + target.port() + ", \"user\" : \"migrator\", \"passwordFile\" : \"target.pw\"");
        java.nio.file.Files.writeString(schema, text);
        StringWriter out = new StringWriter();
        assertThat(Cli.run(out, "run", schema.toString(), "--state-dir", state())).as(out.toString()).isNotZero();
        assertThat(out.toString()).contains("60 read, 50 written, 0 skipped, 10 failed")
                .contains("redis:cache: 10 failed (in the dead letters)")
                .as("the target refuses this user the keys it lacks, so nothing is proven").contains("NOT VERIFIED");
        Path deadLetters;
        try (var files = java.nio.file.Files.walk(dir.resolve("state"))) {
            deadLetters = files.filter(f -> f.getFileName().toString().equals("redis-cache.jsonl")).findFirst().orElseThrow();
        }
        List<String> lines = java.nio.file.Files.readAllLines(deadLetters);
        assertThat(lines).hasSize(10).allSatisfy(l -> assertThat(l).contains("\"key\":\"x:").contains("NOPERM"));
        assertThat(java.nio.file.Files.getPosixFilePermissions(deadLetters)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

        try (Jedis t = RedisServers.client(target)) {
            t.aclSetUser("migrator", "allkeys");
        }
        StringWriter replay = new StringWriter();
        assertThat(Cli.run(replay, "replay", schema.toString(), "--state-dir", state())).as(replay.toString()).isZero();
        assertThat(replay.toString()).contains("10 read, 10 written, 0 skipped, 0 failed").contains("GO: 1 of 1");
    }

    @Test
    void inAShardedRunThePairRunsWholeInShardZeroAndTheOtherShardsDoNotHoldUpTheGate() throws Exception {
        try (Jedis s = RedisServers.client(source)) {
            RedisData.strings(s, "k:", 300);
        }
        Path schema = schema(Map.of());
        StringWriter other = new StringWriter();
        assertThat(Cli.run(other, "run", schema.toString(), "--state-dir", state(), "--shard", "1/2")).as(other.toString()).isZero();
        try (Jedis t = RedisServers.client(target)) {
            assertThat(t.dbSize()).as("shard 1 copies nothing of a pair that is not sliced").isZero();
        }
        StringWriter first = new StringWriter();
        assertThat(Cli.run(first, "run", schema.toString(), "--state-dir", state(), "--shard", "0/2")).as(first.toString()).isZero();
        assertThat(first.toString()).contains("300 written");
        StringWriter verify = new StringWriter();
        assertThat(Cli.run(verify, "verify", schema.toString(), "--state-dir", state())).as(verify.toString()).isZero();
        StringWriter status = new StringWriter();
        assertThat(Cli.run(status, "status", schema.toString(), "--state-dir", state())).as(status.toString()).isZero();
        assertThat(status.toString()).contains("GO");
    }

    @Test
    void deltaPassesApplyWritesAndDeletesMadeDuringTheCopy() throws Exception {
        catchUp("delta");
    }

    @Test
    void keyspaceNotificationsApplyWritesAndDeletesMadeDuringTheCopy() throws Exception {
        catchUp("notifications");
    }

    private void catchUp(String mode) throws Exception {
        try (Jedis s = RedisServers.client(source)) {
            RedisData.strings(s, "k:", 200);
        }
        Path schema = schema(Map.of("catchUp", mode));
        StringWriter out = new StringWriter();
        assertThat(Cli.run(out, "run", schema.toString(), "--state-dir", state())).as(out.toString()).isZero();
        StringWriter before = new StringWriter();
        assertThat(Cli.run(before, "status", schema.toString(), "--state-dir", state())).as(before.toString()).isNotZero();
        assertThat(before.toString()).contains("no sync since the copy");
        try (Jedis s = RedisServers.client(source)) {
            s.set("k:new", "written after the copy");
            s.set("k:1", "changed after the copy");
            s.del("k:2");
            s.rpush("list:new", "a", "b");
        }
        StringWriter sync = new StringWriter();
        assertThat(Cli.run(sync, "sync", schema.toString(), "--state-dir", state(), "--until-caught-up")).as(sync.toString()).isZero();
        try (Jedis t = RedisServers.client(target)) {
            assertThat(t.get("k:new")).isEqualTo("written after the copy");
            assertThat(t.get("k:1")).isEqualTo("changed after the copy");
            assertThat(t.exists("k:2")).isFalse();
            assertThat(t.lrange("list:new", 0, -1)).containsExactly("a", "b");
        }
        StringWriter verify = new StringWriter();
        assertThat(Cli.run(verify, "verify", schema.toString(), "--state-dir", state())).as(verify.toString()).isZero();
        StringWriter status = new StringWriter();
        assertThat(Cli.run(status, "status", schema.toString(), "--state-dir", state())).as(status.toString()).isZero();
        assertThat(status.toString()).contains("catch-up caught up");
    }

    /**
     * A key as bytes to compare: its DUMP, except for sets and hashes, whose DUMP order follows each server's own hash
     * seed; those compare as their sorted members or fields.
     */
    private static List<String> contents(Jedis j, byte[] key) {
        String type = j.type(key);
        java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
        if (type.equals("set")) {
            return j.smembers(key).stream().map(b64::encodeToString).sorted().toList();
        }
        if (type.equals("hash")) {
            return j.hgetAll(key).entrySet().stream().map(e -> b64.encodeToString(e.getKey()) + "=" + b64.encodeToString(e.getValue()))
                    .sorted().toList();
        }
        return List.of(type, b64.encodeToString(j.dump(key)));
    }

    private Path schema(Map<String, ?> settings) throws Exception {
        return SchemaBuilder.between("us-east-1", "us-east-1").redis("cache", source.port(), target.port(), settings)
                .write(dir.resolve("schema-" + System.nanoTime() + ".json"));
    }

    private String state() {
        return dir.resolve("state").toString();
    }
}
