package dev.migrator.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.local.ChildProcess;
import dev.migrator.model.RedisEndpoint;
import dev.migrator.testkit.RedisServers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** What the copier does with a key the target already holds, on real servers whose DUMPs of equal sets differ. */
class KeyCopierTest {
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
    void anEqualKeyAlreadyThereIsSkippedAndADifferentOneRefusedOrLeftByPolicy() {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            members.add("member-" + i);
        }
        try (Jedis s = RedisServers.client(source); Jedis t = RedisServers.client(target)) {
            s.sadd("equal", members.toArray(new String[0]));
            Collections.reverse(members);
            t.sadd("equal", members.toArray(new String[0]));
            s.set("different", "source");
            t.set("different", "target");
            assertThat(t.dump("equal")).as("the servers order an equal set differently").isNotEqualTo(s.dump("equal"));
        }
        for (boolean dump : List.of(true, false)) {
            List<KeyCopier.Outcome> refuse = copier(dump, false).copy(List.of(b("equal"), b("different")));
            assertThat(refuse).extracting(KeyCopier.Outcome::kind).containsExactlyInAnyOrder(KeyCopier.Outcome.Kind.SKIPPED,
                    KeyCopier.Outcome.Kind.FAILED);
            assertThat(refuse).filteredOn(o -> o.kind() == KeyCopier.Outcome.Kind.FAILED).singleElement()
                    .satisfies(o -> assertThat(o.reason()).contains("already holds this key with another value"));
            assertThat(copier(dump, true).copy(List.of(b("different")))).extracting(KeyCopier.Outcome::reason)
                    .containsExactly("left as it was (skip-existing)");
        }
        try (Jedis t = RedisServers.client(target)) {
            assertThat(t.get("different")).isEqualTo("target");
        }
    }

    @Test
    void aValueThatCannotBeWrittenPerTypeFailsWithoutTouchingTheTargetsKey() {
        try (Jedis s = RedisServers.client(source); Jedis t = RedisServers.client(target)) {
            s.xadd("empty", new redis.clients.jedis.StreamEntryID(1, 1), java.util.Map.of("a", "1"));
            s.xdel("empty", new redis.clients.jedis.StreamEntryID(1, 1)); // a stream with no entries left
            t.set("empty", "the target's own");
        }
        KeyCopier replacing = new KeyCopier(gateway(source), gateway(target), new KeyCopier.Settings(false, true, true, false),
                System::nanoTime);
        assertThat(replacing.copy(List.of(b("empty")))).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(KeyCopier.Outcome.Kind.FAILED);
            assertThat(o.reason()).isEqualTo("an empty stream cannot be written per type");
        });
        try (Jedis t = RedisServers.client(target)) {
            assertThat(t.get("empty")).as("not deleted for a value that was never written").isEqualTo("the target's own");
        }
    }

    @Test
    void aValueTheSourceDeniesIsAnErrorNotAnEndlessReadAgain() {
        try (Jedis s = RedisServers.client(source)) {
            s.set("k:1", "v");
            s.rpush("list", "a");
            s.aclSetUser("reader", "on", ">reader-pw", "~*", "+@all", "-get"); // TYPE and PTTL allowed, GET denied
        }
        RedisEndpoint endpoint = new RedisEndpoint("127.0.0.1", source.port(), false, Optional.of("reader"), Optional.of("PW"),
                Optional.empty(), 0, false, "/redis/0/source");
        RedisGateway restricted = new JedisRedisGateway(new RedisConnection(endpoint, dir, name -> "reader-pw", 2));
        assertThat(restricted.read(List.of(b("list")))).singleElement().isInstanceOf(TypedValue.Elements.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> restricted.read(List.of(b("list"), b("k:1"))))
                .hasMessageContaining("NOPERM");
    }

    private KeyCopier copier(boolean dump, boolean leaveDifferent) {
        return new KeyCopier(gateway(source), gateway(target), new KeyCopier.Settings(dump, true, false, leaveDifferent), System::nanoTime);
    }

    private RedisGateway gateway(ChildProcess server) {
        RedisEndpoint endpoint = new RedisEndpoint("127.0.0.1", server.port(), false, Optional.empty(), Optional.empty(),
                Optional.empty(), 0, false, "/redis/0/source");
        return new JedisRedisGateway(new RedisConnection(endpoint, dir, name -> null, 4));
    }

    private static byte[] b(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
