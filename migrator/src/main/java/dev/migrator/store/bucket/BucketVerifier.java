package dev.migrator.store.bucket;

import dev.migrator.engine.WorkerPool;

import dev.migrator.engine.MismatchLog;
import dev.migrator.support.RetryPolicy;
import dev.migrator.engine.Sampling;
import dev.migrator.engine.StepId;
import dev.migrator.engine.Verification;
import dev.migrator.support.digest.DigestComparison;
import dev.migrator.support.digest.DigestSpill;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * Verifies a bucket pair: each (sampled) current source object against the target's under the same
 * key (size, ETag or recorded source ETag, headers, user metadata, tags), then the target's keys no
 * source object has. With all versions, each key's history too (versions and delete markers, in order,
 * by size). In flat memory: listings stream page by page, checks run a bounded number at a time, and keys
 * and histories are compared by digests per key bucket ({@link DigestComparison}); only buckets that differ
 * are listed again to name the extra keys and the histories that changed.
 */
final class BucketVerifier {
    /** Checks waiting or running per worker: bounds memory whatever the bucket's size. */
    private static final int CHECKS_PER_WORKER = 4;

    private final dev.migrator.engine.ProgressListener progress;
    private final BucketGateway source;
    private final BucketGateway target;
    private final RetryPolicy retry;
    private final int workers;
    private final Path spillDirectory;

    BucketVerifier(BucketGateway source, BucketGateway target, RetryPolicy retry, int workers, dev.migrator.engine.ProgressListener progress,
                   Path spillDirectory) {
        this.progress = progress;
        this.source = source;
        this.target = target;
        this.retry = retry;
        this.workers = Math.max(1, workers);
        this.spillDirectory = spillDirectory;
    }

    Verification verify(StepId id, String sourceBucket, String targetBucket, KeyFilter keys, boolean allVersions, double sampleRate)
            throws InterruptedException {
        long started = System.nanoTime();
        MismatchLog log = new MismatchLog(progress, id);
        boolean full = sampleRate >= 1;
        DigestComparison listed = new DigestComparison();
        // with every key compared, the target is listed beside the source's pass (one request in flight, taken from the
        // checks): listed after it, the whole bucket came on top, a round trip per page of 1,000 keys
        try (WorkerPool pool = WorkerPool.of(full ? workers - 1 : workers, "verify-" + sourceBucket);
             WorkerPool beside = WorkerPool.of(1, "verify-list-" + targetBucket)) {
            Future<?> targetKeys = full ? beside.submit(() -> forEachCurrent(target, targetBucket, keys, object -> {
                log.targetCount.incrementAndGet();
                listed.addTarget(object.key(), DigestComparison.keyOnly(object.key()));
            })) : CompletableFuture.completedFuture(null);
            checkEach(pool, sourceBucket, targetBucket, keys, sampleRate, listed, log);
            WorkerPool.awaitAll(List.of(targetKeys));
        }
        if (full) {
            try {
                listed.resolve(spillDirectory, DigestSpill.DEFAULT_PARTITION_SIZE, keysOf(source, sourceBucket, keys),
                        keysOf(target, targetBucket, keys), extras(log));
                if (allVersions) {
                    compareHistories(sourceBucket, targetBucket, keys, log);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot spill differing keys under " + spillDirectory, e);
            }
        }
        return log.result(id, sampleRate, started, full ? "" : "sampled: extra target objects are not counted");
    }

    /** The source's pass: each (sampled) object checked on {@code pool}, a bounded number waiting; every key added to {@code listed}. */
    private void checkEach(WorkerPool pool, String sourceBucket, String targetBucket, KeyFilter keys, double sampleRate,
                           DigestComparison listed, MismatchLog log) throws InterruptedException {
        boolean full = sampleRate >= 1;
        Deque<Future<?>> pending = new ArrayDeque<>();
        forEachCurrent(source, sourceBucket, keys, object -> {
            log.sourceCount.incrementAndGet();
            if (full) {
                listed.addSource(object.key(), DigestComparison.keyOnly(object.key()));
            }
            if (full || Sampling.chosen(object.key(), sampleRate)) {
                pending.add(pool.submit(() -> check(object, sourceBucket, targetBucket, log)));
                while (pending.size() > workers * CHECKS_PER_WORKER) {
                    WorkerPool.awaitAll(List.of(pending.poll()));
                }
            }
        });
        WorkerPool.awaitAll(List.copyOf(pending));
    }

    /** Keys only on the target are extra; a source key the target lacks was counted missing by its check. */
    private static DigestSpill.Outcomes extras(MismatchLog log) {
        return new DigestSpill.Outcomes() {
            @Override
            public void extra(String key) {
                log.extra(key);
            }
        };
    }

    private DigestComparison.Listing keysOf(BucketGateway gateway, String bucket, KeyFilter keys) {
        return sink -> forEachCurrent(gateway, bucket, keys,
                object -> sink.unit(object.key(), () -> DigestComparison.keyOnly(object.key()), () -> new byte[0]));
    }

    private void check(ListedObject object, String sourceBucket, String targetBucket, MismatchLog log) throws InterruptedException {
        log.checkedOne();
        Optional<ObjectHead> copy = retry.call(() -> target.head(targetBucket, object.key(), Optional.empty()));
        if (copy.isEmpty()) {
            log.missing(object.key());
            return;
        }
        if (copy.get().etag().isEmpty()) {
            copy = Optional.of(withListedETag(copy.get(), targetBucket));
        }
        CopyDecision content = CopyDecision.decide(object, copy, dev.migrator.model.NonEmptyTargetPolicy.OVERWRITE);
        if (content.action() != CopyDecision.Action.SKIP) {
            log.different(object.key() + ": " + content.reason());
            return;
        }
        Optional<ObjectHead> original = retry.call(() -> source.head(sourceBucket, object.key(), Optional.empty()));
        if (original.isPresent() && !original.get().attributes().sameAs(copy.get().attributes())) {
            log.different(object.key() + ": headers or user metadata differ");
            return;
        }
        Optional<Map<String, String>> sourceTags = retry.call(() -> source.tags(sourceBucket, object.key(), Optional.empty()));
        Optional<Map<String, String>> targetTags = retry.call(() -> target.tags(targetBucket, object.key(), Optional.empty()));
        if (sourceTags.isPresent() && targetTags.isPresent() && !sourceTags.get().equals(targetTags.get())) {
            log.different(object.key() + ": tags differ");
            return;
        }
        log.matched.incrementAndGet();
    }

    /** Some stores (S3Proxy, for keys ending in '/') answer HeadObject without an ETag; the listing has it. */
    private ObjectHead withListedETag(ObjectHead head, String bucket) throws InterruptedException {
        String etag = retry.call(() -> target.listCurrent(bucket, head.key(), Optional.empty(), Optional.empty())).objects().stream()
                .filter(o -> o.key().equals(head.key())).map(ListedObject::etag).findFirst().orElse("");
        return new ObjectHead(head.key(), head.versionId(), head.size(), etag, head.checksumSha256(), head.attributes());
    }

    /**
     * Each key's history ("delete marker" or sizes, newest first) on both sides, by digests; where a key's history
     * differs, it is named with both. Keys on one side only are the current-object checks' business.
     */
    private void compareHistories(String sourceBucket, String targetBucket, KeyFilter keys, MismatchLog log)
            throws InterruptedException, IOException {
        DigestComparison histories = new DigestComparison();
        try (WorkerPool beside = WorkerPool.of(1, "verify-versions-" + targetBucket)) { // both sides listed at once
            Future<?> targetSide = beside.submit(() ->
                    forEachHistory(target, targetBucket, keys, (key, history) -> histories.addTarget(key, canonical(key, history))));
            forEachHistory(source, sourceBucket, keys, (key, history) -> histories.addSource(key, canonical(key, history)));
            WorkerPool.awaitAll(List.of(targetSide));
        }
        histories.resolve(spillDirectory, DigestSpill.DEFAULT_PARTITION_SIZE, historiesOf(source, sourceBucket, keys),
                historiesOf(target, targetBucket, keys), new DigestSpill.Outcomes() {
                    @Override
                    public void different(String key, byte[] expected, byte[] actual) {
                        log.different(key + ": version history " + new String(expected, StandardCharsets.UTF_8) + " became "
                                + new String(actual, StandardCharsets.UTF_8));
                    }
                });
    }

    private static byte[] canonical(String key, List<String> history) {
        return (key + "\n" + history).getBytes(StandardCharsets.UTF_8);
    }

    private DigestComparison.Listing historiesOf(BucketGateway gateway, String bucket, KeyFilter keys) {
        return sink -> forEachHistory(gateway, bucket, keys,
                (key, history) -> sink.unit(key, () -> canonical(key, history), () -> history.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private interface HistoryHandler {
        void handle(String key, List<String> history) throws InterruptedException;
    }

    /** Streams each key's history: S3 lists versions by key, newest first, so a key's versions come together. */
    private void forEachHistory(BucketGateway gateway, String bucket, KeyFilter keys, HistoryHandler handler) throws InterruptedException {
        for (String prefix : keys.listingPrefixes()) {
            String key = null;
            List<String> history = new ArrayList<>();
            Optional<BucketGateway.VersionCursor> cursor = Optional.empty();
            do {
                Optional<BucketGateway.VersionCursor> at = cursor;
                BucketGateway.VersionPage page = retry.call(() -> gateway.listVersions(bucket, prefix, at));
                for (ListedObject v : page.objects()) {
                    if (!keys.accepts(v.key())) {
                        continue;
                    }
                    if (!v.key().equals(key)) {
                        if (key != null) {
                            handler.handle(key, history);
                        }
                        key = v.key();
                        history = new ArrayList<>();
                    }
                    history.add(v.deleteMarker() ? "delete marker" : v.size() + " B");
                }
                cursor = page.next();
            } while (cursor.isPresent());
            if (key != null) {
                handler.handle(key, history);
            }
        }
    }

    private interface ObjectHandler {
        void handle(ListedObject object) throws InterruptedException;
    }

    /** Streams the current objects the filter accepts, page by page. */
    private void forEachCurrent(BucketGateway gateway, String bucket, KeyFilter keys, ObjectHandler handler) throws InterruptedException {
        for (String prefix : keys.listingPrefixes()) {
            Optional<String> token = Optional.empty();
            do {
                Optional<String> at = token;
                BucketGateway.ListingPage page = retry.call(() -> gateway.listCurrent(bucket, prefix, Optional.empty(), at));
                for (ListedObject object : page.objects()) {
                    if (keys.accepts(object.key())) {
                        handler.handle(object);
                    }
                }
                token = page.nextToken();
            } while (token.isPresent());
        }
    }
}
