package dev.migrator.store.redis;

import dev.migrator.engine.MismatchLog;
import dev.migrator.engine.ProgressListener;
import dev.migrator.engine.Sampling;
import dev.migrator.engine.StepId;
import dev.migrator.engine.Verification;
import dev.migrator.engine.WorkerPool;
import dev.migrator.support.RetryPolicy;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verifies a Redis pair in flat memory, a SCAN page at a time: every selected source key's {@link Fingerprint} is read
 * on both sides (pipelined; long values a chunk at a time) and compared by {@link KeyComparison} (type, value digest, expiry within the tolerance);
 * then the target is scanned and each selected key the source lacks is extra. Random reads cost Redis one round trip
 * per page, so the keys are paired directly and every mismatch is named at once, with no second pass. A key that
 * disappears from the source while it is verified (expired, deleted), or is within the tolerance of expiring on one
 * side while gone from the other, is not counted.
 */
final class RedisVerifier {
    private final RedisGateway source;
    private final RedisGateway target;
    private final KeyPatterns patterns;
    private final KeyComparison comparison;
    private final RetryPolicy retry;
    private final int concurrency;
    private final String sourceName;
    private final String targetName;

    RedisVerifier(RedisGateway source, RedisGateway target, KeyPatterns patterns, KeyComparison comparison, RetryPolicy retry,
                  int concurrency, String sourceName, String targetName) {
        this.source = source;
        this.target = target;
        this.patterns = patterns;
        this.comparison = comparison;
        this.retry = retry;
        this.concurrency = concurrency;
        this.sourceName = sourceName;
        this.targetName = targetName;
    }

    Verification verify(StepId id, double sampleRate, ProgressListener progress) throws InterruptedException {
        long started = System.nanoTime();
        MismatchLog log = new MismatchLog(progress, id);
        AtomicLong gone = new AtomicLong();
        try (WorkerPool workers = WorkerPool.of(concurrency, "verify-" + id.name())) {
            List<String> stopped = ScanPages.walk(source, sourceName, patterns, "0", retry, workers, concurrency, (keys, after) -> {
                List<byte[]> chosen = keys.stream().filter(k -> Sampling.chosen(KeyText.latin1(k), sampleRate)).toList();
                return () -> comparePage(chosen, log, gone);
            });
            if (stopped.isEmpty() && sampleRate >= 1) {
                stopped = ScanPages.walk(target, targetName, patterns, "0", retry, workers, concurrency,
                        (keys, after) -> () -> extras(keys, log));
            }
            if (!stopped.isEmpty()) {
                return Verification.notVerified(id, String.join("; ", stopped));
            }
        }
        String note = gone.get() > 0 ? gone.get() + " key(s) expired or were deleted in the source while it was verified" : "";
        return log.result(id, sampleRate, started, note);
    }

    private void comparePage(List<byte[]> keys, MismatchLog log, AtomicLong gone) throws InterruptedException {
        if (keys.isEmpty()) {
            return;
        }
        List<Fingerprint> sources = retry.call(() -> source.fingerprints(keys));
        List<Fingerprint> targets = retry.call(() -> target.fingerprints(keys));
        for (int i = 0; i < keys.size(); i++) {
            Fingerprint s = sources.get(i);
            if (s.missing()) {
                gone.incrementAndGet();
                continue;
            }
            log.sourceCount.incrementAndGet();
            log.checkedOne();
            Fingerprint t = targets.get(i);
            String key = KeyText.show(s.key());
            if (t.missing() && comparison.expiring(s)) {
                gone.incrementAndGet(); // expired in the target within the tolerance of its source expiring too
            } else if (t.missing()) {
                log.missing(key + " (" + s.type() + ")");
            } else {
                comparison.difference(s, t).ifPresentOrElse(d -> log.different(key + ": " + d), log.matched::incrementAndGet);
            }
        }
    }

    private void extras(List<byte[]> keys, MismatchLog log) throws InterruptedException {
        if (keys.isEmpty()) {
            return;
        }
        log.targetCount.addAndGet(keys.size());
        List<Boolean> inSource = retry.call(() -> source.exists(keys));
        List<byte[]> candidates = new java.util.ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (!inSource.get(i)) {
                candidates.add(keys.get(i));
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        for (Fingerprint t : retry.call(() -> target.fingerprints(candidates))) {
            if (!t.missing() && !comparison.expiring(t)) { // the source's copy may just have expired
                log.extra(KeyText.show(t.key()) + " (" + t.type() + ")");
            }
        }
    }
}
