package dev.migrator.store.bucket;

import dev.migrator.support.DeadLetterFile;
import java.time.Instant;

/** Writes an object (or version) that was not copied ({@link ObjectDeadLetter}) and counts it. */
final class ObjectDeadLetters {
    private final DeadLetterFile file;
    private final String step;
    private final String sourceBucket;
    private final BucketCounters counters;

    ObjectDeadLetters(DeadLetterFile file, String step, String sourceBucket, BucketCounters counters) {
        this.file = file;
        this.step = step;
        this.sourceBucket = sourceBucket;
        this.counters = counters;
    }

    void add(ListedObject object, ObjectDeadLetter.Stage stage, String reason) {
        file.write(new ObjectDeadLetter(step, sourceBucket, object, stage, reason, Instant.now()));
        counters.failed.incrementAndGet();
    }
}
