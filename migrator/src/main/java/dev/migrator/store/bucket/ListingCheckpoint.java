package dev.migrator.store.bucket;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.support.Checkpoints;
import dev.migrator.support.DoneThrough;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * For each {@link ListingJob} of a bucket copy, the last key before which every object it listed is copied, skipped
 * or dead-lettered. Workers finish out of listing order, so a job's mark advances over the contiguous run of its
 * finished objects; the marks are written at most twice a second, and at the end. A resumed run lists each job after
 * its mark (StartAfter); the objects between a mark and the crash are found equal by decide() and skipped. A job the
 * checkpoint does not name (a checkpoint of a release that listed sequentially, or a prefix new in the source) is
 * listed from its start.
 */
final class ListingCheckpoint {
    private static final long WRITE_EVERY_NANOS = 500_000_000L;

    private final Checkpoints store;
    private final String name;
    private final Map<String, String> resumed = new HashMap<>();
    private final Map<String, DoneThrough<String>> handedOut = new HashMap<>();
    /** Each job's mark; a resumed job's carried over until it moves, so a second crash keeps it. */
    private final Map<String, String> lastKeys = new TreeMap<>();
    private long lastWrite = System.nanoTime();

    ListingCheckpoint(Checkpoints store, String name, boolean resume) {
        this.store = store;
        this.name = name;
        if (resume) {
            store.read(name).filter(n -> n.has("jobs")).ifPresent(n -> n.get("jobs").fields()
                    .forEachRemaining(job -> resumed.put(job.getKey(), job.getValue().asText())));
            lastKeys.putAll(resumed);
        }
    }

    /** Where a resumed run lists job {@code job} from (after this key); empty: from its start. */
    Optional<String> resumeAfter(String job) {
        return Optional.ofNullable(resumed.get(job));
    }

    synchronized long listed(String job, String key) {
        return handedOut.computeIfAbsent(job, j -> new DoneThrough<>()).handedOut(key);
    }

    synchronized void done(String job, long index) {
        Optional<String> advanced = handedOut.get(job).finished(index);
        advanced.ifPresent(key -> lastKeys.put(job, key));
        if (advanced.isPresent() && System.nanoTime() - lastWrite > WRITE_EVERY_NANOS) {
            write(false);
        }
    }

    synchronized void finish(boolean complete) {
        write(complete);
    }

    private void write(boolean complete) {
        lastWrite = System.nanoTime();
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("complete", complete);
        ObjectNode jobs = node.putObject("jobs");
        lastKeys.forEach(jobs::put);
        store.write(name, node);
    }
}
