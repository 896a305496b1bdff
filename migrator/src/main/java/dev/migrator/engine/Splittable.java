package dev.migrator.engine;

/**
 * A step whose copy can be dealt out over shards ({@link Shard}): it copies only its slice of the units when
 * {@link StepContext#sliceOf} says so. Steps that are not splittable (user pools) run whole in shard 0.
 */
public interface Splittable {
    /** Whether this step, as configured, may be sliced (a table that backs up its target first may not). */
    default boolean splittable() {
        return true;
    }
}
