package dev.migrator.store.redis;

import dev.migrator.engine.WorkerPool;
import dev.migrator.support.DeadLetterFile;
import dev.migrator.support.RetryPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One catch-up pass of a Redis pair (migrator sync). A delta pass scans the source and reads each selected key on
 * both sides, copies (with REPLACE) those missing or different in the target, then scans the target for selected
 * keys the source no longer has and deletes them where the target started empty (else counts them). A notification
 * pass copies the keys the source's keyspace notifications named since the last pass, and deletes from the target
 * those the source no longer holds.
 */
final class RedisCatchUp {
    private final RedisGateway source;
    private final RedisGateway target;
    private final KeyPatterns patterns;
    private final KeyComparison comparison;
    private final RedisCopier copier;
    private final RetryPolicy retry;
    private final int concurrency;
    private final Supplier<Instant> clock;

    RedisCatchUp(RedisGateway source, RedisGateway target, KeyPatterns patterns, KeyComparison comparison, RedisCopier copier,
                 RetryPolicy retry, int concurrency, Supplier<Instant> clock) {
        this.source = source;
        this.target = target;
        this.patterns = patterns;
        this.comparison = comparison;
        this.copier = copier;
        this.retry = retry;
        this.concurrency = concurrency;
        this.clock = clock;
    }

    /** What a pass did: keys deleted from the target, extra keys left there, and why it stopped early. */
    record Pass(Instant started, long deleted, long extrasLeft, List<String> stopped) {}

    Pass delta(boolean deleteExtras, DeadLetterFile deadLetters, RedisCopier.Counters counters, String sourceName, String targetName)
            throws InterruptedException {
        Instant started = clock.get();
        AtomicLong deleted = new AtomicLong();
        AtomicLong left = new AtomicLong();
        try (WorkerPool workers = WorkerPool.of(concurrency, "delta-" + sourceName)) {
            List<String> stopped = ScanPages.walk(source, sourceName, patterns, "0", retry, workers, concurrency,
                    (keys, after) -> () -> copier.copyPage(changed(keys, counters), deadLetters, counters));
            if (stopped.isEmpty()) {
                stopped = ScanPages.walk(target, targetName, patterns, "0", retry, workers, concurrency,
                        (keys, after) -> () -> removed(keys, deleteExtras, deleted, left));
            }
            return new Pass(started, deleted.get(), left.get(), stopped);
        }
    }

    /** The keys of a page the target lacks or holds otherwise; the rest count as read and equal. */
    private List<byte[]> changed(List<byte[]> keys, RedisCopier.Counters counters) throws InterruptedException {
        if (keys.isEmpty()) {
            return keys;
        }
        List<Fingerprint> sources = retry.call(() -> source.fingerprints(keys));
        List<Fingerprint> targets = retry.call(() -> target.fingerprints(keys));
        List<byte[]> changed = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Fingerprint s = sources.get(i);
            if (s.missing()) {
                continue;
            }
            counters.read.incrementAndGet();
            if (targets.get(i).missing() || comparison.difference(s, targets.get(i)).isPresent()) {
                changed.add(keys.get(i));
            }
        }
        return changed;
    }

    private void removed(List<byte[]> keys, boolean delete, AtomicLong deleted, AtomicLong left) throws InterruptedException {
        if (keys.isEmpty()) {
            return;
        }
        List<Boolean> inSource = retry.call(() -> source.exists(keys));
        List<byte[]> gone = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (!inSource.get(i)) {
                gone.add(keys.get(i));
            }
        }
        if (delete && !gone.isEmpty()) {
            deleted.addAndGet(retry.call(() -> target.delete(gone)));
        } else {
            left.addAndGet(gone.size());
        }
    }

    /**
     * Copies the notified keys, oldest first, until none notified before this pass began is left; keys the source
     * no longer holds (deleted, expired) are deleted from the target.
     */
    Pass notified(ChangedKeys changed, DeadLetterFile deadLetters, RedisCopier.Counters counters) throws InterruptedException {
        Instant started = clock.get();
        long deleted = 0;
        while (changed.oldest().filter(o -> !o.isAfter(started)).isPresent()) {
            List<byte[]> keys = changed.take(ScanPages.COUNT);
            counters.read.addAndGet(keys.size());
            List<Boolean> present = retry.call(() -> source.exists(keys));
            List<byte[]> gone = new ArrayList<>();
            List<byte[]> copy = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                (present.get(i) ? copy : gone).add(keys.get(i));
            }
            copier.copyPage(copy, deadLetters, counters);
            if (!gone.isEmpty()) {
                deleted += retry.call(() -> target.delete(gone));
            }
        }
        return new Pass(started, deleted, 0, List.of());
    }
}
