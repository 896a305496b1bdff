package dev.migrator.support;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Work handed out in order and finished in any order (pages or keys copied by several workers): the value of the
 * newest unit before which every unit is finished, which is what a checkpoint may record. Not thread-safe: its owner
 * holds its own lock around both calls.
 */
public final class DoneThrough<T> {
    private final Map<Long, T> pending = new HashMap<>();
    private final Map<Long, T> finished = new HashMap<>();
    private long next;
    private long doneThrough = -1;

    /** The next unit, standing for {@code value} (never null); returns its number. */
    public long handedOut(T value) {
        pending.put(next, value);
        return next++;
    }

    /** Unit {@code unit} is finished: the value of the newest unit every earlier one is finished with, if that moved. */
    public Optional<T> finished(long unit) {
        finished.put(unit, pending.remove(unit));
        T newest = null;
        for (T value = finished.remove(doneThrough + 1); value != null; value = finished.remove(doneThrough + 1)) {
            doneThrough++;
            newest = value;
        }
        return Optional.ofNullable(newest);
    }
}
