package dev.migrator.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrator.support.Checkpoints;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small parts of the Redis store: globs, key text, RDB versions, value digests, cursor checkpoints, comparisons. */
class RedisPiecesTest {
    @TempDir
    Path dir;

    @Test
    void globsFollowRedisSyntaxOnBytes() {
        KeyPatterns p = new KeyPatterns(List.of("user:*", "s?ss:[0-9]*", "lit\\*"), List.of("user:tmp:*", "*[^a-z]x"));
        assertThat(p.selects(b("user:1"))).isTrue();
        assertThat(p.selects(b("user:tmp:1"))).isFalse();
        assertThat(p.selects(b("sess:7abc"))).isTrue();
        assertThat(p.selects(b("sess:abc"))).isFalse();
        assertThat(p.selects(b("lit*"))).isTrue();
        assertThat(p.selects(b("litx"))).isFalse();
        assertThat(p.selects(b("user:9x"))).isFalse();
        assertThat(p.selects(new byte[] {'u', 's', 'e', 'r', ':', (byte) 0xff, 0})).isTrue();
        assertThat(p.serverMatch()).isEmpty();
        assertThat(new KeyPatterns(List.of("only:*"), List.of()).serverMatch()).contains("only:*");
        assertThat(new KeyPatterns(List.of(), List.of()).selectsAll()).isTrue();
    }

    @Test
    void binaryKeysAreShownEscapedAndKeptExactlyInBase64() {
        byte[] key = {0, 'a', (byte) 0xff, '\\', '\n'};
        assertThat(KeyText.show(key)).isEqualTo("\\x00a\\xff\\x5c\\x0a");
        assertThat(KeyText.show(b("naïve:ключ"))).isEqualTo("naïve:ключ");
        assertThat(KeyText.fromBase64(KeyText.base64(key))).isEqualTo(key);
    }

    @Test
    void rdbVersionsOfReleases() {
        assertThat(RdbVersions.of("redis", "6.2.14")).isEqualTo(9);
        assertThat(RdbVersions.of("redis", "7.0.15")).isEqualTo(10);
        assertThat(RdbVersions.of("redis", "7.2.4")).isEqualTo(11);
        assertThat(RdbVersions.of("redis", "7.4.1")).isEqualTo(12);
        assertThat(RdbVersions.of("valkey", "8.0.1")).isEqualTo(11);
    }

    @Test
    void unorderedTypesDigestTheSameInAnyOrderAndOrderedOnesDoNot() {
        byte[] k = b("k");
        assertThat(ValueDigest.of(new TypedValue.Members(k, List.of(b("a"), b("b")), -1, 0)))
                .isEqualTo(ValueDigest.of(new TypedValue.Members(k, List.of(b("b"), b("a")), -1, 0)));
        assertThat(ValueDigest.of(new TypedValue.Fields(k, List.of(f("x", "1"), f("y", "2")), -1, 0)))
                .isEqualTo(ValueDigest.of(new TypedValue.Fields(k, List.of(f("y", "2"), f("x", "1")), -1, 0)))
                .isNotEqualTo(ValueDigest.of(new TypedValue.Fields(k, List.of(f("x", "2"), f("y", "1")), -1, 0)));
        assertThat(ValueDigest.of(new TypedValue.Elements(k, List.of(b("a"), b("b")), -1, 0)))
                .isNotEqualTo(ValueDigest.of(new TypedValue.Elements(k, List.of(b("b"), b("a")), -1, 0)));
        assertThat(ValueDigest.of(new TypedValue.Elements(k, List.of(b("ab")), -1, 0)))
                .isNotEqualTo(ValueDigest.of(new TypedValue.Elements(k, List.of(b("a"), b("b")), -1, 0)));
        assertThat(ValueDigest.of(new TypedValue.Text(k, b("a"), -1, 0)))
                .isNotEqualTo(ValueDigest.of(new TypedValue.Elements(k, List.of(b("a")), -1, 0)));
    }

    @Test
    void expiryIsComparedAsAPointInTimeWithinTheTolerance() {
        KeyComparison c = new KeyComparison(true, Duration.ofSeconds(5));
        byte[] k = b("k");
        long second = 1_000_000_000L;
        assertThat(c.difference(fp(60_000, 0), fp(57_000, 2 * second))).isEmpty();
        assertThat(c.difference(fp(60_000, 0), fp(50_000, 0)))
                .hasValueSatisfying(d -> assertThat(d).contains("expiry differs by 10.0 s"));
        assertThat(c.difference(fp(60_000, 0), fp(-1, 0)))
                .hasValueSatisfying(d -> assertThat(d).contains("never in the target"));
        KeyComparison dropped = new KeyComparison(false, Duration.ofSeconds(5));
        assertThat(dropped.difference(fp(60_000, 0), fp(-1, 0))).isEmpty();
        assertThat(dropped.difference(fp(-1, 0), fp(9_000, 0))).isPresent();
    }

    @Test
    void theCursorRecordedIsTheOneAfterTheLastPageDoneWithEveryPageBeforeIt() {
        Checkpoints checkpoints = new Checkpoints(dir);
        CursorCheckpoint cursor = new CursorCheckpoint(checkpoints, "redis-c");
        long first = cursor.submitted("100");
        long second = cursor.submitted("200");
        long third = cursor.submitted("0");
        cursor.done(second);
        assertThat(checkpoints.read("redis-c")).isEmpty();
        cursor.done(first);
        assertThat(checkpoints.read("redis-c").map(n -> n.path("cursor").asText())).contains("200");
        assertThat(new CursorCheckpoint(checkpoints, "redis-c").start(true)).contains("200");
        assertThat(new CursorCheckpoint(checkpoints, "redis-c").start(false)).contains("0");
        cursor.done(third);
        assertThat(checkpoints.read("redis-c").map(JsonNode::toString)).hasValueSatisfying(j -> assertThat(j).contains("\"finished\":true"));
        assertThat(new CursorCheckpoint(checkpoints, "redis-c").start(true)).isEmpty();
    }

    private static Fingerprint fp(long pttl, long readAtNanos) {
        return Fingerprint.of(new TypedValue.Text(b("k"), b("v"), pttl, readAtNanos));
    }

    private static TypedValue.Field f(String name, String value) {
        return new TypedValue.Field(b(name), b(value));
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
