package dev.migrator.store.redis;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keys the source's notifications said changed and the target has not been given yet, each once however often it
 * changed, with when it was first notified (the lag). Filled by the subscriber's thread, drained by sync passes.
 */
final class ChangedKeys {
    private final KeyPatterns patterns;
    private final Map<ByteBuffer, Instant> pending = new LinkedHashMap<>();

    ChangedKeys(KeyPatterns patterns) {
        this.patterns = patterns;
    }

    synchronized void changed(byte[] key, Instant at) {
        if (patterns.selects(key)) {
            pending.putIfAbsent(ByteBuffer.wrap(key), at);
        }
    }

    /** Up to {@code max} keys, oldest first, with the time the oldest of them was notified. */
    synchronized Batch take(int max) {
        List<byte[]> keys = new ArrayList<>();
        Optional<Instant> oldest = Optional.empty();
        var entries = pending.entrySet().iterator();
        while (entries.hasNext() && keys.size() < max) {
            var e = entries.next();
            oldest = oldest.isPresent() ? oldest : Optional.of(e.getValue());
            keys.add(e.getKey().array());
            entries.remove();
        }
        return new Batch(keys, oldest);
    }

    synchronized int size() {
        return pending.size();
    }

    synchronized Optional<Instant> oldest() {
        return pending.values().stream().findFirst();
    }

    record Batch(List<byte[]> keys, Optional<Instant> oldest) {}
}
