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

    /** Up to {@code max} keys, oldest first, no longer waiting. */
    synchronized List<byte[]> take(int max) {
        List<byte[]> keys = new ArrayList<>();
        var entries = pending.keySet().iterator();
        while (entries.hasNext() && keys.size() < max) {
            keys.add(entries.next().array());
            entries.remove();
        }
        return keys;
    }

    synchronized int size() {
        return pending.size();
    }

    synchronized Optional<Instant> oldest() {
        return pending.values().stream().findFirst();
    }
}
