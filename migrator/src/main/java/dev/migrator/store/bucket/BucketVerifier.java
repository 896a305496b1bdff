package dev.migrator.store.bucket;

import dev.migrator.engine.WorkerPool;

import dev.migrator.engine.MismatchLog;
import dev.migrator.support.RetryPolicy;
import dev.migrator.engine.Sampling;
import dev.migrator.engine.StepId;
import dev.migrator.engine.Verification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Verifies a bucket pair: each (sampled) current source object against the target's under the same
 * key (size, ETag or recorded source ETag, headers, user metadata, tags), then the target's keys no
 * source object has. With all versions, each key's history too (versions and delete markers, in order,
 * by size). Source keys are held in memory for the extra-key pass.
 */
final class BucketVerifier {
    private final dev.migrator.engine.ProgressListener progress;
    private final BucketGateway source;
    private final BucketGateway target;
    private final RetryPolicy retry;
    private final int workers;

    BucketVerifier(BucketGateway source, BucketGateway target, RetryPolicy retry, int workers, dev.migrator.engine.ProgressListener progress) {
        this.progress = progress;
        this.source = source;
        this.target = target;
        this.retry = retry;
        this.workers = Math.max(1, workers);
    }

    Verification verify(StepId id, String sourceBucket, String targetBucket, KeyFilter keys, boolean allVersions, double sampleRate)
            throws InterruptedException {
        long started = System.nanoTime();
        MismatchLog log = new MismatchLog(progress, id);
        boolean full = sampleRate >= 1;
        Set<String> sourceKeys = ConcurrentHashMap.newKeySet();
        try (WorkerPool pool = WorkerPool.of(workers, "verify-" + sourceBucket)) {
            List<Future<?>> checks = new ArrayList<>();
            for (ListedObject object : listCurrent(source, sourceBucket, keys)) {
                log.sourceCount.incrementAndGet();
                sourceKeys.add(object.key());
                if (full || Sampling.chosen(object.key(), sampleRate)) {
                    checks.add(pool.submit(() -> {
                        check(object, sourceBucket, targetBucket, log);
                        return null;
                    }));
                }
            }
            WorkerPool.awaitAll(checks);
        }
        if (full) {
            for (ListedObject object : listCurrent(target, targetBucket, keys)) {
                log.targetCount.incrementAndGet();
                if (!sourceKeys.contains(object.key())) {
                    log.extra(object.key());
                }
            }
            if (allVersions) {
                compareHistories(sourceBucket, targetBucket, keys, log);
            }
        }
        return log.result(id, sampleRate, started, full ? "" : "sampled: extra target objects are not counted");
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
        if (original.isPresent() && !sameAttributes(original.get().attributes(), copy.get().attributes())) {
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

    private static boolean sameAttributes(ObjectAttributes a, ObjectAttributes b) {
        Map<String, String> metadataA = new HashMap<>(a.userMetadata());
        Map<String, String> metadataB = new HashMap<>(b.userMetadata());
        metadataA.remove(ObjectAttributes.SOURCE_ETAG);
        metadataB.remove(ObjectAttributes.SOURCE_ETAG);
        return metadataA.equals(metadataB) && Objects.equals(a.contentType(), b.contentType())
                && Objects.equals(a.contentEncoding(), b.contentEncoding()) && Objects.equals(a.contentLanguage(), b.contentLanguage())
                && Objects.equals(a.contentDisposition(), b.contentDisposition()) && Objects.equals(a.cacheControl(), b.cacheControl());
    }

    /** Each key's history as a list of "delete marker" or sizes, newest first, on both sides. */
    private void compareHistories(String sourceBucket, String targetBucket, KeyFilter keys, MismatchLog log) throws InterruptedException {
        Map<String, List<String>> before = histories(source, sourceBucket, keys);
        Map<String, List<String>> after = histories(target, targetBucket, keys);
        for (var e : before.entrySet()) {
            List<String> copied = after.get(e.getKey());
            if (copied != null && !copied.equals(e.getValue())) {
                log.different(e.getKey() + ": version history " + e.getValue() + " became " + copied);
            }
        }
    }

    private Map<String, List<String>> histories(BucketGateway gateway, String bucket, KeyFilter keys) throws InterruptedException {
        Map<String, List<String>> histories = new HashMap<>();
        for (String prefix : keys.listingPrefixes()) {
            Optional<BucketGateway.VersionCursor> cursor = Optional.empty();
            do {
                Optional<BucketGateway.VersionCursor> at = cursor;
                BucketGateway.VersionPage page = retry.call(() -> gateway.listVersions(bucket, prefix, at));
                for (ListedObject v : page.objects()) {
                    if (keys.accepts(v.key())) {
                        histories.computeIfAbsent(v.key(), k -> new ArrayList<>()).add(v.deleteMarker() ? "delete marker" : v.size() + " B");
                    }
                }
                cursor = page.next();
            } while (cursor.isPresent());
        }
        return histories;
    }

    private List<ListedObject> listCurrent(BucketGateway gateway, String bucket, KeyFilter keys) throws InterruptedException {
        List<ListedObject> all = new ArrayList<>();
        for (String prefix : keys.listingPrefixes()) {
            Optional<String> token = Optional.empty();
            do {
                Optional<String> at = token;
                BucketGateway.ListingPage page = retry.call(() -> gateway.listCurrent(bucket, prefix, Optional.empty(), at));
                page.objects().stream().filter(o -> keys.accepts(o.key())).forEach(all::add);
                token = page.nextToken();
            } while (token.isPresent());
        }
        return all;
    }
}
