package dev.migrator.model;

import dev.migrator.transform.Transform;
import java.util.List;
import java.util.Optional;

/** One DynamoDB table to copy, with the transforms applied to every item on the way. */
public record TablePair(
        String name,
        String source,
        String target,
        List<Transform> transforms,
        NonEmptyTargetPolicy ifTargetNotEmpty,
        List<SeededKey> seededKeys,
        Optional<Integer> segments,
        CatchUp catchUp,
        boolean backupBeforeWrite,
        PairLocation at) {

    public TablePair {
        transforms = List.copyOf(transforms);
        seededKeys = List.copyOf(seededKeys);
    }

    /** The same pair with another policy for a non-empty target (a resumed run finds its own items there). */
    public TablePair withIfTargetNotEmpty(NonEmptyTargetPolicy policy) {
        return new TablePair(name, source, target, transforms, policy, seededKeys, segments, catchUp, backupBeforeWrite, at);
    }
}
