package dev.migrator.store.redis;

import dev.migrator.engine.UnitCounters;
import dev.migrator.engine.WorkerPool;
import dev.migrator.support.AwsErrors;
import dev.migrator.support.DeadLetterFile;
import dev.migrator.support.RateLimiter;
import dev.migrator.support.RetryPolicy;
import java.time.Instant;
import java.util.List;

/**
 * The bulk copy of one Redis pair: SCAN pages (never KEYS) read one after another, each page's selected keys copied
 * by a worker in one pipelined batch ({@link KeyCopier}). Every key is written,
 * skipped, gone (deleted or expired at the source before it was read) or dead-lettered with the reason; the cursor
 * is checkpointed behind the pages that are done.
 */
final class RedisCopier {
    private final RedisGateway source;
    private final KeyCopier keys;
    private final KeyPatterns patterns;
    private final RetryPolicy retry;
    private final RateLimiter readRate;
    private final RateLimiter writeRate;
    private final String step;
    private final String sourceName;

    /** {@code readRate} and {@code writeRate}: keys per second read from the source and written to the target. */
    RedisCopier(RedisGateway source, KeyCopier keys, KeyPatterns patterns, RetryPolicy retry, RateLimiter readRate, RateLimiter writeRate,
                String step, String sourceName) {
        this.source = source;
        this.keys = keys;
        this.patterns = patterns;
        this.retry = retry;
        this.readRate = readRate;
        this.writeRate = writeRate;
        this.step = step;
        this.sourceName = sourceName;
    }

    /** Counts of what was copied and left: the step's counters plus keys gone from the source. */
    static final class Counters extends UnitCounters {
        final java.util.concurrent.atomic.AtomicLong gone = new java.util.concurrent.atomic.AtomicLong();
    }

    /** Copies from {@code cursor} to the end of the scan; the reasons it stopped early (empty when it finished). */
    List<String> copy(String cursor, WorkerPool workers, int concurrency, CursorCheckpoint checkpoint, DeadLetterFile deadLetters,
                      Counters counters, Runnable progress) throws InterruptedException {
        return ScanPages.walk(source, sourceName, patterns, cursor, retry, workers, concurrency, (selected, after) -> {
            counters.read.addAndGet(selected.size());
            long number = checkpoint.submitted(after);
            return () -> {
                copyPage(selected, deadLetters, counters);
                checkpoint.done(number);
                progress.run();
            };
        });
    }

    /** Copies one batch; keys whose batch failed after every retry are dead-lettered one by one, with the reason. */
    void copyPage(List<byte[]> batch, DeadLetterFile deadLetters, Counters counters) throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        readRate.acquire(batch.size());
        writeRate.acquire(batch.size());
        List<KeyCopier.Outcome> outcomes;
        try {
            outcomes = retry.call(() -> keys.copy(batch));
        } catch (RuntimeException e) {
            String reason = AwsErrors.describe(e);
            outcomes = batch.stream().map(k -> new KeyCopier.Outcome(k, KeyCopier.Outcome.Kind.FAILED, reason)).toList();
        }
        for (KeyCopier.Outcome o : outcomes) {
            switch (o.kind()) {
                case WRITTEN -> counters.written.incrementAndGet();
                case SKIPPED -> counters.skipped.incrementAndGet();
                case GONE -> {
                    counters.skipped.incrementAndGet();
                    counters.gone.incrementAndGet();
                }
                case FAILED -> {
                    counters.failed.incrementAndGet();
                    deadLetters.write(new RedisDeadLetter(step, sourceName, o.key(), keys.settings().dump() ? "restore" : "write",
                            o.reason(), Instant.now()));
                }
            }
        }
    }
}
