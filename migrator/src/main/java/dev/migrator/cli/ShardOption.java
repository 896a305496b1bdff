package dev.migrator.cli;

import dev.migrator.engine.Shard;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** --shard I/N and --shards N: which slice of a run this worker does (see {@link Shard}). */
final class ShardOption {
    @Option(names = "--shard", paramLabel = "I/N",
            description = "Do shard I of N (0-based): a table's scan segments and a bucket's keys dealt out by number and key hash; "
                    + "user pools run whole in shard 0, and a table that reads a map waits for every shard's part of it. "
                    + "Each shard keeps its own state under "
                    + "shards/shard-I-of-N/ and continues from its checkpoints when started again. No verification: once "
                    + "every shard is done, 'verify FILE' checks the whole and 'status FILE' combines the shards.")
    String shard;

    @Option(names = "--shards", paramLabel = "N",
            description = "As --shard, with the index from JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or "
                    + "AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch array job).")
    Integer shards;

    /** The shard asked for ({@link Shard#WHOLE} when neither option is given); an IllegalArgumentException says what is wrong. */
    Shard resolve(Function<String, String> env) {
        if (shard != null && shards != null) {
            throw new IllegalArgumentException("give --shard I/N or --shards N, not both");
        }
        if (shard != null) {
            return Shard.parse(shard);
        }
        if (shards != null) {
            if (shards < 1) {
                throw new IllegalArgumentException("--shards " + shards + ": the count must be at least 1");
            }
            return Shard.fromEnvironment(shards, env);
        }
        return Shard.WHOLE;
    }
}
