package dev.migrator.store.bucket;

import dev.migrator.engine.UnitCounters;
import java.util.concurrent.atomic.AtomicLong;

/** Live counts of one bucket copy: units (objects or versions) plus bytes, multipart copies and delete markers. */
final class BucketCounters extends UnitCounters {
    final AtomicLong bytesCopied = new AtomicLong();
    final AtomicLong multipart = new AtomicLong();
    final AtomicLong deleteMarkers = new AtomicLong();
    /** The first keys a pass copied (a delta pass reports what changed). */
    final java.util.concurrent.ConcurrentLinkedQueue<String> firstCopied = new java.util.concurrent.ConcurrentLinkedQueue<>();

    void copied(String key) {
        if (firstCopied.size() < 10) {
            firstCopied.add(key);
        }
    }
}
