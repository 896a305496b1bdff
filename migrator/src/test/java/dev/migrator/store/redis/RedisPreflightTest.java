package dev.migrator.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.engine.Finding;
import dev.migrator.engine.Preflight;
import dev.migrator.model.CatchUp;
import dev.migrator.model.MigrationOptions;
import dev.migrator.model.NonEmptyTargetPolicy;
import dev.migrator.model.PairLocation;
import dev.migrator.model.RedisEndpoint;
import dev.migrator.model.RedisPair;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Preflight's judgement of two servers, from what they say of themselves (no server needed). */
class RedisPreflightTest {
    private static final long MIB = 1 << 20;

    @Test
    void aDumpTheTargetCannotReadFallsBackToPerTypeOrIsRefusedWhenDumpIsDemanded() {
        RedisInfo source = info("7.2.4", 10 * MIB, 0);
        RedisInfo target = info("6.2.6", MIB, 0);
        Preflight auto = preflight(pair(RedisPair.Method.AUTO, List.of(), CatchUp.NONE), source, target);
        assertThat(auto.blocksRun()).isFalse();
        assertThat(messages(auto)).anyMatch(m -> m.contains("keys are copied per type, not by DUMP + RESTORE: the source (redis 7.2.4) "
                + "writes RDB version 11 in DUMP, but the target (redis 6.2.6) reads RDB versions up to 9"));

        Preflight dump = preflight(pair(RedisPair.Method.DUMP, List.of(), CatchUp.NONE), source, target);
        assertThat(dump.blocksRun()).isTrue();
        assertThat(dump.findings()).anySatisfy(f -> {
            assertThat(f.message()).contains("DUMP + RESTORE cannot copy this pair").contains("RDB version 11");
            assertThat(f.hint()).contains("\"method\": \"typed\"");
        });

        Preflight newerTarget = preflight(pair(RedisPair.Method.DUMP, List.of(), CatchUp.NONE), target, source);
        assertThat(newerTarget.blocksRun()).isFalse();
        assertThat(messages(newerTarget)).noneMatch(m -> m.contains("per type"));
    }

    @Test
    void aTargetWithoutRoomForTheSourcesDataIsRefusedUnlessPatternsCopyOnlyPartOfIt() {
        RedisInfo source = info("7.0.15", 2048 * MIB, 0);
        RedisInfo target = info("7.0.15", 100 * MIB, 1024 * MIB);
        Preflight whole = preflight(pair(RedisPair.Method.AUTO, List.of(), CatchUp.NONE), source, target);
        assertThat(whole.blocksRun()).isTrue();
        assertThat(messages(whole)).anyMatch(m -> m.contains("the source's data takes about 2048.0 MiB but the target has 924.0 MiB free "
                + "(maxmemory 1024.0 MiB)"));
        Preflight part = preflight(pair(RedisPair.Method.AUTO, List.of("session:*"), CatchUp.NONE), source, target);
        assertThat(part.blocksRun()).isFalse();
        assertThat(part.findings()).anySatisfy(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING));
    }

    @Test
    void followingNotificationsNeedsTheSourceToSendThem() {
        RedisInfo target = info("7.0.15", MIB, 0);
        RedisPair pair = pair(RedisPair.Method.AUTO, List.of(), CatchUp.NOTIFICATIONS);
        assertThat(preflight(pair, notify(Optional.of("")), target).blocksRun()).isTrue();
        assertThat(messages(preflight(pair, notify(Optional.of("")), target))).anyMatch(m -> m.contains("sends no keyspace notifications"));
        assertThat(preflight(pair, notify(Optional.of("Ex")), target).blocksRun()).isTrue();
        assertThat(preflight(pair, notify(Optional.of("AK")), target).findings()).isEmpty();
        assertThat(preflight(pair, notify(Optional.of("Kg$lshzxe")), target).findings()).isEmpty();
        Preflight unknown = preflight(pair, notify(Optional.empty()), target);
        assertThat(unknown.blocksRun()).isFalse();
        assertThat(messages(unknown)).anyMatch(m -> m.contains("could not read the source's notify-keyspace-events"));
    }

    @Test
    void aClusterMustBeNamedOneAndServeEverySlot() {
        RedisInfo cluster = new RedisInfo("redis", "7.0.15", 10, MIB, MIB, 0, 0, true, 0, Optional.of(""), true, true, "cluster",
                new RedisInfo.Cluster(3, "ok", RedisInfo.SLOTS));
        Preflight p = preflight(pair(RedisPair.Method.AUTO, List.of(), CatchUp.NONE), cluster, info("7.0.15", MIB, 0));
        assertThat(p.blocksRun()).isTrue();
        assertThat(p.findings()).anySatisfy(f -> {
            assertThat(f.message()).contains("source Redis old:6379/0 runs in cluster mode");
            assertThat(f.hint()).contains("set \"cluster\": true at /redis/0/source");
        });
        RedisInfo broken = new RedisInfo("redis", "7.0.15", 10, MIB, MIB, 0, 0, true, 0, Optional.of(""), true, true, "cluster",
                new RedisInfo.Cluster(2, "fail", 10_923));
        Preflight unhealthy = preflight(pair(RedisPair.Method.AUTO, List.of(), CatchUp.NONE, true), info("7.0.15", MIB, 0), broken);
        assertThat(messages(unhealthy)).anyMatch(m -> m.contains("is not serving every slot: cluster_state fail, 10923 of 16384 slots assigned"));
    }

    private static RedisInfo notify(Optional<String> events) {
        return new RedisInfo("redis", "7.0.15", 10, MIB, MIB, 0, 64 * 1024 * MIB, false, 0, events, true, true, "standalone",
                RedisInfo.Cluster.STANDALONE);
    }

    private static RedisInfo info(String version, long used, long max) {
        return new RedisInfo("redis", version, RdbVersions.of("redis", version), used, used, max, 64 * 1024 * MIB, false, 0,
                Optional.of("KA"), true, true, "standalone", RedisInfo.Cluster.STANDALONE);
    }

    private static List<String> messages(Preflight p) {
        return p.findings().stream().map(Finding::message).toList();
    }

    private static RedisPair pair(RedisPair.Method method, List<String> include, CatchUp catchUp) {
        return pair(method, include, catchUp, false);
    }

    private static RedisPair pair(RedisPair.Method method, List<String> include, CatchUp catchUp, boolean targetCluster) {
        RedisEndpoint source = new RedisEndpoint("old", 6379, false, Optional.empty(), Optional.empty(), Optional.empty(), 0, false, "/redis/0/source");
        RedisEndpoint target = new RedisEndpoint("new", 6379, false, Optional.empty(), Optional.empty(), Optional.empty(), 0, targetCluster, "/redis/0/target");
        return new RedisPair("cache", source, target, include, List.of(), NonEmptyTargetPolicy.REFUSE, true, method, catchUp,
                RedisPair.DEFAULT_TTL_TOLERANCE, new PairLocation("/redis/0", "/redis/0/source", "/redis/0/target"));
    }

    private static Preflight preflight(RedisPair pair, RedisInfo source, RedisInfo target) {
        return new RedisStep(pair, MigrationOptions.defaults(), new Described(source), new Described(target), false).preflight();
    }

    /** A server that only describes itself and holds no key. */
    private static final class Described extends UnsupportedRedis {
        private final RedisInfo info;

        Described(RedisInfo info) {
            this.info = info;
        }

        @Override
        public RedisInfo info() {
            return info;
        }

        @Override
        public ScanPage scan(String cursor, Optional<String> match, int count) {
            return new ScanPage("0", List.of());
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
