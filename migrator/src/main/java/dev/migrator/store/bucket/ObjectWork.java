package dev.migrator.store.bucket;

import dev.migrator.support.IdMapJournal;
import dev.migrator.support.AwsErrors;
import dev.migrator.support.RetryPolicy;
import java.util.List;
import java.util.Optional;

/**
 * What a worker does with one task: decide and copy a current object, or replay one key's version
 * history. Every outcome is counted; a failure is dead-lettered, never thrown.
 */
final class ObjectWork {
    private final BucketGateway source;
    private final BucketGateway target;
    private final BucketCopier.Settings settings;
    private final ObjectCopier copier;
    private final RetryPolicy retry;
    private final ObjectDeadLetters deadLetters;
    private final IdMapJournal journal;
    private final BucketCounters counters;

    ObjectWork(BucketGateway source, BucketGateway target, BucketCopier.Settings settings, ObjectCopier copier, RetryPolicy retry,
               ObjectDeadLetters deadLetters, IdMapJournal journal, BucketCounters counters) {
        this.source = source;
        this.target = target;
        this.settings = settings;
        this.copier = copier;
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.journal = journal;
        this.counters = counters;
    }

    void handle(List<ListedObject> task) throws InterruptedException {
        if (settings.allVersions()) {
            history(task);
        } else {
            current(task.get(0));
        }
    }

    private void current(ListedObject object) throws InterruptedException {
        try {
            Optional<ObjectHead> existing = settings.targetMayHoldObjects()
                    ? retry.call(() -> target.head(settings.targetBucket(), object.key(), Optional.empty())) : Optional.empty();
            CopyDecision decision = CopyDecision.decide(object, existing, settings.policy());
            if (decision.action() == CopyDecision.Action.SKIP) {
                counters.skipped.incrementAndGet();
                mapSkipped(object, existing.get());
                return;
            }
            record(copier.copy(object));
        } catch (RuntimeException e) {
            deadLetters.add(object, ObjectDeadLetter.Stage.DECIDE, AwsErrors.describe(e));
        }
    }

    /** A skipped object still maps its current source version to the target's, so version references stay valid. */
    private void mapSkipped(ListedObject object, ObjectHead existing) throws InterruptedException {
        if (!settings.sourceVersioned() || existing.versionId().isEmpty()) {
            return;
        }
        retry.call(() -> source.head(settings.sourceBucket(), object.key(), Optional.empty()))
                .flatMap(ObjectHead::versionId)
                .ifPresent(old -> journal.record(object.key(), old, existing.versionId().get()));
    }

    /**
     * One key's versions, oldest first; after a failure the newer ones wait for a rerun, so order is never
     * broken. True when every version is in the target.
     */
    boolean history(List<ListedObject> versions) throws InterruptedException {
        for (int i = 0; i < versions.size(); i++) {
            ListedObject version = versions.get(i);
            String old = version.versionId().orElse("null");
            if (journal.copiedAs(old) != null) {
                counters.skipped.incrementAndGet();
                continue;
            }
            boolean ok;
            try {
                ok = version.deleteMarker() ? deleteMarker(version, old) : record(copier.copy(version));
            } catch (RuntimeException e) {
                deadLetters.add(version, ObjectDeadLetter.Stage.COPY, AwsErrors.describe(e));
                ok = false;
            }
            if (!ok) {
                for (ListedObject newer : versions.subList(i + 1, versions.size())) {
                    deadLetters.add(newer, ObjectDeadLetter.Stage.COPY, "not copied: an older version of this key failed, and versions are copied in order");
                }
                return false;
            }
        }
        return true;
    }

    private boolean deleteMarker(ListedObject marker, String old) throws InterruptedException {
        Optional<String> created = retry.call(() -> target.addDeleteMarker(settings.targetBucket(), marker.key()));
        created.ifPresent(v -> journal.record(marker.key(), old, v));
        counters.written.incrementAndGet();
        counters.deleteMarkers.incrementAndGet();
        return true;
    }

    private boolean record(ObjectOutcome outcome) {
        if (outcome instanceof ObjectOutcome.Copied c) {
            counters.written.incrementAndGet();
            counters.copied(c.object().key());
            counters.bytesCopied.addAndGet(c.object().size());
            if (c.multipart()) {
                counters.multipart.incrementAndGet();
            }
            c.sourceVersionId().ifPresent(old -> c.targetVersionId().ifPresent(v -> journal.record(c.object().key(), old, v)));
            return true;
        }
        ObjectOutcome.Failed f = (ObjectOutcome.Failed) outcome;
        deadLetters.add(f.object(), f.stage(), f.reason());
        return false;
    }
}
