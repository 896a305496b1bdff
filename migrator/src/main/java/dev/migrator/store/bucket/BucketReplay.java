package dev.migrator.store.bucket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.support.AwsErrors;
import dev.migrator.support.RetryPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Replays a bucket's dead letters. A current object is looked up in the source again (it may have
 * changed since) and decided and copied as the copy would; one that is gone from the source is counted
 * as skipped and named, since there is nothing left to copy. A version is copied again unless the
 * version journal already holds it; versions of one key stay in order: after one fails again, the
 * newer ones of that key are dead-lettered again rather than copied ahead of it.
 */
final class BucketReplay {
    private static final int GONE_NAMED = 10;

    private final BucketGateway source;
    private final String sourceBucket;
    private final boolean allVersions;
    private final ObjectWork work;
    private final RetryPolicy retry;
    private final ObjectDeadLetters deadLetters;
    private final BucketCounters counters;
    private final Set<String> keysStillFailing = new HashSet<>();
    private final List<String> goneNamed = new ArrayList<>();
    private long gone;

    BucketReplay(BucketGateway source, BucketCopier.Settings settings, ObjectWork work, RetryPolicy retry, ObjectDeadLetters deadLetters,
                 BucketCounters counters) {
        this.source = source;
        this.sourceBucket = settings.sourceBucket();
        this.allVersions = settings.allVersions();
        this.work = work;
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.counters = counters;
    }

    void replay(ObjectNode entry) throws InterruptedException {
        counters.read.incrementAndGet();
        ListedObject object = ObjectDeadLetter.from(entry).object();
        if (allVersions) {
            replayVersion(object);
        } else {
            replayCurrent(object);
        }
    }

    private void replayVersion(ListedObject version) throws InterruptedException {
        if (keysStillFailing.contains(version.key())) {
            deadLetters.add(version, ObjectDeadLetter.Stage.COPY, "not copied: an older version of this key still fails, and versions are copied in order");
        } else if (!work.history(List.of(version))) {
            keysStillFailing.add(version.key());
        }
    }

    private void replayCurrent(ListedObject listed) throws InterruptedException {
        Optional<ObjectHead> now;
        try {
            now = retry.call(() -> source.head(sourceBucket, listed.key(), Optional.empty()));
        } catch (RuntimeException e) {
            deadLetters.add(listed, ObjectDeadLetter.Stage.HEAD, AwsErrors.describe(e));
            return;
        }
        if (now.isEmpty()) {
            counters.skipped.incrementAndGet();
            if (gone++ < GONE_NAMED) {
                goneNamed.add(listed.key());
            }
            return;
        }
        String etag = now.get().etag() != null ? now.get().etag() : listed.etag();
        work.handle(List.of(ListedObject.current(listed.key(), now.get().size(), etag)));
    }

    /** "0", or how many dead-lettered objects are no longer in the source, and the first keys. */
    String goneSummary() {
        return gone == 0 ? "0" : gone + " (deleted from the source since; nothing to copy): " + String.join(", ", goneNamed)
                + (gone > goneNamed.size() ? ", ..." : "");
    }
}
