package dev.migrator.store.bucket;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.migrator.support.Checkpoints;
import dev.migrator.support.DoneThrough;
import java.util.Optional;

/**
 * The last key of a bucket copy before which every listed object is copied, skipped or dead-lettered.
 * Workers finish out of listing order, so it advances over the contiguous run of finished objects;
 * it is written at most twice a second, and at the end. A resumed run lists after it (StartAfter);
 * the objects between it and the crash are found equal by decide() and skipped.
 */
final class ListingCheckpoint {
    private static final long WRITE_EVERY_NANOS = 500_000_000L;

    private final Checkpoints store;
    private final String name;
    private final Optional<String> resumeAfter;
    private final DoneThrough<String> keys = new DoneThrough<>();
    private String lastKey;
    private long lastWrite = System.nanoTime();

    ListingCheckpoint(Checkpoints store, String name, boolean resume) {
        this.store = store;
        this.name = name;
        this.resumeAfter = resume ? store.read(name).filter(n -> n.hasNonNull("lastKey")).map(n -> n.get("lastKey").asText())
                : Optional.empty();
        this.lastKey = resumeAfter.orElse(null);
    }

    Optional<String> resumeAfter() {
        return resumeAfter;
    }

    synchronized long listed(String key) {
        return keys.handedOut(key);
    }

    synchronized void done(long index) {
        Optional<String> advanced = keys.finished(index);
        advanced.ifPresent(key -> lastKey = key);
        if (advanced.isPresent() && System.nanoTime() - lastWrite > WRITE_EVERY_NANOS) {
            write(false);
        }
    }

    synchronized void finish(boolean complete) {
        write(complete);
    }

    private void write(boolean complete) {
        lastWrite = System.nanoTime();
        var node = JsonNodeFactory.instance.objectNode().put("complete", complete);
        if (lastKey != null) {
            node.put("lastKey", lastKey);
        }
        store.write(name, node);
    }
}
