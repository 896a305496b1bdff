package dev.migrator.model;

import dev.migrator.transform.Transform;
import java.util.List;
import java.util.Optional;

/** One DynamoDB table to copy, with the transforms applied to every item on the way; read from an export where one is named. */
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
        PairLocation at,
        Optional<TableExport> export) {

    public TablePair {
        transforms = List.copyOf(transforms);
        seededKeys = List.copyOf(seededKeys);
    }

    /** A pair that scans its source table (no export). */
    public TablePair(String name, String source, String target, List<Transform> transforms, NonEmptyTargetPolicy ifTargetNotEmpty,
                     List<SeededKey> seededKeys, Optional<Integer> segments, CatchUp catchUp, boolean backupBeforeWrite, PairLocation at) {
        this(name, source, target, transforms, ifTargetNotEmpty, seededKeys, segments, catchUp, backupBeforeWrite, at, Optional.empty());
    }

    /** The same pair with another policy for a non-empty target (a resumed run finds its own items there). */
    public TablePair withIfTargetNotEmpty(NonEmptyTargetPolicy policy) {
        return new TablePair(name, source, target, transforms, policy, seededKeys, segments, catchUp, backupBeforeWrite, at, export);
    }
}
