package dev.migrator.model;

import java.util.List;
import java.util.Optional;

/** One S3 bucket to copy from the source stack into the target stack. */
public record BucketPair(
        String name,
        String source,
        String target,
        List<String> include,
        List<String> exclude,
        VersionMode versions,
        Optional<String> storageClass,
        Optional<String> kmsKeyId,
        NonEmptyTargetPolicy ifTargetNotEmpty,
        CatchUp catchUp,
        boolean deleteRemoved,
        PairLocation at) {

    public BucketPair {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /** The same pair with another policy for a non-empty target (a resumed run finds its own objects there). */
    public BucketPair withIfTargetNotEmpty(NonEmptyTargetPolicy policy) {
        return new BucketPair(name, source, target, include, exclude, versions, storageClass, kmsKeyId, policy, catchUp, deleteRemoved, at);
    }

    /** Which object versions move. */
    public enum VersionMode { CURRENT, ALL }
}
