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
        PairLocation at) {

    public TablePair {
        transforms = List.copyOf(transforms);
        seededKeys = List.copyOf(seededKeys);
    }
}
