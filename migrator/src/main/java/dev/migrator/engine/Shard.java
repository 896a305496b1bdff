package dev.migrator.engine;

import java.util.Optional;

/**
 * One worker's deterministic slice of a run: shard {@code index} of {@code count} (0-based). A table's scan
 * segments and a bucket's keys are dealt out by number and key hash, so N workers started with 0..N-1 cover
 * every unit exactly once, however often each is restarted. {@link #WHOLE} is the unsharded run.
 */
public record Shard(int index, int count) {
    public static final Shard WHOLE = new Shard(0, 1);

    /** The variables Kubernetes Indexed Jobs and AWS Batch array jobs set to each worker's index. */
    public static final java.util.List<String> INDEX_VARIABLES = java.util.List.of("JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX");

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + " of " + count + ": the index must be 0.." + (count - 1));
        }
    }

    /** {@code "I/N"}, as given on the command line; an IllegalArgumentException says why when it is not that. */
    public static Shard parse(String text) {
        String[] parts = text.split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("'" + text + "' is not INDEX/COUNT (0-based: 0/4, 1/4, 2/4, 3/4)");
    }

    /** Shard {@code ?} of {@code count}, the index read from the job engine's variable. */
    public static Shard fromEnvironment(int count, java.util.function.Function<String, String> env) {
        Optional<String> found = INDEX_VARIABLES.stream().filter(v -> env.apply(v) != null).findFirst();
        if (found.isEmpty()) {
            throw new IllegalArgumentException("--shards " + count + " takes the index from " + String.join(" or ", INDEX_VARIABLES)
                    + ", and neither is set: give it with --shard INDEX/" + count);
        }
        String value = env.apply(found.get());
        try {
            return new Shard(Integer.parseInt(value.trim()), count);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(found.get() + "=" + value + " is not a number");
        }
    }

    public boolean whole() {
        return count == 1;
    }

    /** Whether this shard copies the unit under {@code key}: the same answer in every process. */
    public boolean owns(String key) {
        if (whole()) {
            return true;
        }
        return dev.migrator.support.KeyHash.slot(key, count) == index;
    }

    /** Whether this shard scans segment {@code segment} of a table. */
    public boolean ownsSegment(int segment) {
        return Math.floorMod(segment, count) == index;
    }

    /** {@code shard-2-of-4}: the shard's own state directory under {@code shards/}. */
    public String directoryName() {
        return "shard-" + index + "-of-" + count;
    }

    @Override
    public String toString() {
        return "shard " + index + " of " + count;
    }
}
