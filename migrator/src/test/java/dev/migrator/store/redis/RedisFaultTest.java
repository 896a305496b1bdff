package dev.migrator.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.engine.WorkerPool;
import dev.migrator.support.Backoff;
import dev.migrator.support.Checkpoints;
import dev.migrator.support.DeadLetterFile;
import dev.migrator.support.RateLimiter;
import dev.migrator.support.RetryPolicy;
import dev.migrator.support.TransientException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copy against servers that fail, in memory and without sleeping (no backoff): dropped connections are
 * retried, a batch that keeps failing is dead-lettered key by key with the reason, and the cursor is never recorded
 * past a page that was not done.
 */
class RedisFaultTest {
    @TempDir
    Path dir;

    @Test
    void droppedConnectionsAreRetriedAndNothingIsLost() throws Exception {
        Memory source = new Memory(1_200);
        Memory target = new Memory(0);
        target.failRestores.set(3); // the first three RESTORE batches lose their connection
        RedisCopier.Counters counters = copy(source, target, 5);
        assertThat(counters.written.get()).isEqualTo(1_200);
        assertThat(counters.failed.get()).isZero();
        assertThat(target.keys).hasSize(1_200);
        assertThat(Files.exists(dir.resolve("dead.jsonl"))).isFalse();
        assertThat(new Checkpoints(dir).read("redis-c").orElseThrow().path("finished").asBoolean()).isTrue();
    }

    @Test
    void aBatchThatKeepsFailingIsDeadLetteredKeyByKeyWithTheReason() throws Exception {
        Memory source = new Memory(1_200);
        Memory target = new Memory(0);
        target.failRestores.set(Integer.MAX_VALUE);
        RedisCopier.Counters counters = copy(source, target, 2);
        assertThat(counters.failed.get()).isEqualTo(1_200);
        assertThat(counters.written.get()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("dead.jsonl"));
        assertThat(lines).hasSize(1_200).allSatisfy(l -> assertThat(l).contains("could not be reached: connection reset"));
        assertThat(lines.get(0)).contains("\"keyBase64\"");
    }

    private RedisCopier.Counters copy(Memory source, Memory target, int retries) throws Exception {
        KeyCopier keys = new KeyCopier(source, target, new KeyCopier.Settings(true, true, false, false), System::nanoTime);
        RedisCopier copier = new RedisCopier(source, keys, new KeyPatterns(List.of(), List.of()), new RetryPolicy(retries, Backoff.NONE),
                RateLimiter.unlimited(), RateLimiter.unlimited(), "redis:c", "memory");
        RedisCopier.Counters counters = new RedisCopier.Counters();
        CursorCheckpoint checkpoint = new CursorCheckpoint(new Checkpoints(dir), "redis-c");
        try (WorkerPool workers = WorkerPool.of(4, "test"); DeadLetterFile file = new DeadLetterFile(dir.resolve("dead.jsonl"))) {
            assertThat(copier.copy("0", workers, 4, checkpoint, file, counters, () -> { })).isEmpty();
        }
        return counters;
    }

    /** A server in memory: SCAN in pages of 500 by position, DUMP returning the value itself, RESTORE storing it. */
    private static final class Memory extends UnsupportedRedis {
        final Map<ByteBuffer, byte[]> keys = new LinkedHashMap<>();
        final AtomicInteger failRestores = new AtomicInteger();

        Memory(int n) {
            for (int i = 0; i < n; i++) {
                keys.put(ByteBuffer.wrap(("k:" + i).getBytes(StandardCharsets.UTF_8)), ("v" + i).getBytes(StandardCharsets.UTF_8));
            }
        }

        public synchronized ScanPage scan(String cursor, Optional<String> match, int count) {
            int from = Integer.parseInt(cursor);
            List<byte[]> page = keys.keySet().stream().skip(from).limit(500).map(ByteBuffer::array).toList();
            return new ScanPage(from + 500 >= keys.size() ? "0" : String.valueOf(from + 500), page);
        }

        public synchronized List<Dumped> dump(List<byte[]> batch) {
            return batch.stream().map(k -> new Dumped(k, keys.get(ByteBuffer.wrap(k)), -1, System.nanoTime())).toList();
        }

        public synchronized List<Written> restore(List<Restore> restores) {
            if (failRestores.getAndDecrement() > 0) {
                throw new TransientException("Redis memory could not be reached: connection reset", null);
            }
            List<Written> written = new ArrayList<>();
            for (Restore r : restores) {
                keys.put(ByteBuffer.wrap(r.key()), r.payload());
                written.add(Written.ok(r.key()));
            }
            return written;
        }
    }
}
