package dev.migrator.bucket;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.deadletter.DeadLetterFile;
import java.time.Instant;

/** Writes an object (or version) that was not copied, with its reason, and counts it. */
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

    void add(ListedObject object, String stage, String reason) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("step", step).put("sourceBucket", sourceBucket).put("key", object.key());
        object.versionId().ifPresent(v -> entry.put("versionId", v));
        entry.put("deleteMarker", object.deleteMarker()).put("size", object.size()).put("etag", object.etag())
                .put("stage", stage).put("reason", reason).put("at", Instant.now().toString());
        file.write(entry);
        counters.failed.incrementAndGet();
    }
}
