package dev.migrator.store.bucket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.engine.Finding;
import dev.migrator.engine.CatchingUp;
import dev.migrator.engine.PairStep;
import dev.migrator.engine.ResourceState;
import dev.migrator.engine.StepContext;
import dev.migrator.engine.Shard;
import dev.migrator.engine.Splittable;
import dev.migrator.engine.StepExecution;
import dev.migrator.engine.StepId;
import dev.migrator.engine.StepResult;
import dev.migrator.engine.UnitCounters;
import dev.migrator.engine.Verification;
import dev.migrator.engine.WorkerPool;
import dev.migrator.model.BucketPair;
import dev.migrator.model.CatchUp;
import dev.migrator.model.MigrationOptions;
import dev.migrator.support.Concurrently;
import dev.migrator.support.DeadLetterFile;
import dev.migrator.support.IdMapJournal;
import dev.migrator.support.RetryPolicy;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Copies one S3 bucket pair server-side. Preflight: both buckets exist on one S3 service, versioning
 * of both sides, target empty (or allowed not to be). Copy: {@link BucketCopier}; every object not
 * copied is dead-lettered; the old -> new version id map is written for the table transforms.
 */
public final class BucketStep extends PairStep<BucketPreflight.Described, BucketGateway> implements CatchingUp, Splittable {

    private final BucketPair pair;
    private final MigrationOptions options;
    private final BucketPreflight preflight;

    public BucketStep(BucketPair pair, MigrationOptions options, BucketGateway source, BucketGateway target) {
        this(pair, options, source, target, Optional::empty);
    }

    /** {@code targetPrincipal}: who Stack B's credentials are, asked only to fill in a policy preflight prints. */
    public BucketStep(BucketPair pair, MigrationOptions options, BucketGateway source, BucketGateway target,
                      Supplier<Optional<String>> targetPrincipal) {
        super(new StepId(BucketModule.KIND, pair.name(), pair.at().pair()), pair.source(), pair.target(), source, target);
        this.pair = pair;
        this.options = options;
        this.preflight = new BucketPreflight(pair, source, target, targetPrincipal);
    }

    /** CATCH_UP only where the pair asks for it (catchUp "delta"). */
    @Override
    public java.util.Set<String> writesMaps() {
        return java.util.Set.of(dev.migrator.support.RunLayout.s3VersionsMapName(pair.name()));
    }

    @Override
    public boolean follows() {
        return pair.catchUp() == CatchUp.DELTA;
    }

    @Override
    protected Optional<BucketPreflight.Described> describe(ResourceState.Side side) {
        return BucketPreflight.describe(resourceName(side), gateway(side));
    }

    @Override
    protected ResourceState look(ResourceState.Side side, Optional<BucketPreflight.Described> described, List<Finding> findings) {
        return preflight.look(side, resourceName(side), described, findings);
    }

    @Override
    protected void compare(BucketPreflight.Described sourceSide, BucketPreflight.Described targetSide, List<Finding> findings) {
        preflight.compare(sourceSide, targetSide, findings);
    }

    @Override
    protected void review(List<ResourceState> resources, List<Finding> findings) {
        preflight.review(resources, findings);
    }

    @Override
    public StepResult copy(StepContext context) {
        BucketCounters counters = new BucketCounters();
        return copying(context, counters::snapshot, file -> {
            try (WorkerPool workers = WorkerPool.of(options.concurrency(), "copy-" + pair.source());
                 WorkerPool parts = WorkerPool.of(options.concurrency(), "parts-" + pair.source());
                 IdMapJournal journal = new IdMapJournal(context.layout().s3VersionsMap(pair.name()))) {
                RetryPolicy retry = context.retry(options.maxRetries());
                BucketCopier copier = new BucketCopier(source, target, settings(false, context.sliceOf(id)), objectCopier(retry, parts), retry);
                if (pair.deleteRemoved()) {
                    removed(retry).recordHeldBefore(context.layout().heldBefore(id.slug()));
                }
                context.progress().started(id, -1, pair.versions() == BucketPair.VersionMode.ALL ? "versions" : "objects");
                ListingCheckpoint checkpoint = new ListingCheckpoint(context.checkpoints(), id.slug(), context.resume());
                List<String> stopped = copier.copy(workers, new ObjectDeadLetters(file, id.toString(), pair.source(), counters),
                        journal, counters, checkpoint, () -> {
                            context.progress().transferred(id, counters.bytesCopied.get());
                            context.progress().advanced(id, counters.done(), counters.failed.get());
                        });
                return new StepExecution.Ending(stopped, outputs(counters, journal));
            }
        });
    }

    /**
     * A delta pass: the source listed again and every object decided against the target as a rerun would
     * ({@link CopyDecision}): what is new or changed is copied (new versions appended and mapped with versions
     * "all"), what is equal skipped. A pass that copied nothing is caught up. Each pass lists from the start.
     */
    @Override
    public StepResult catchUp(StepContext context) {
        BucketCounters counters = new BucketCounters();
        return copying(context, counters::snapshot, file -> {
            try (WorkerPool workers = WorkerPool.of(options.concurrency(), "delta-" + pair.source());
                 WorkerPool parts = WorkerPool.of(options.concurrency(), "parts-" + pair.source());
                 IdMapJournal journal = new IdMapJournal(context.layout().s3VersionsMap(pair.name()))) {
                RetryPolicy retry = context.retry(options.maxRetries());
                BucketCopier copier = new BucketCopier(source, target, settings(true, Shard.WHOLE), objectCopier(retry, parts), retry);
                ListingCheckpoint fromStart = new ListingCheckpoint(context.checkpoints(), id.slug() + "-delta", false);
                List<String> stopped = new java.util.ArrayList<>(copier.copy(workers, new ObjectDeadLetters(file, id.toString(),
                        pair.source(), counters), journal, counters, fromStart, () -> { }));
                long deleted = 0;
                List<String> deletedKeys = List.of();
                if (pair.deleteRemoved() && stopped.isEmpty()) {
                    RemovedObjects.Deleted gone = removed(retry).delete(context.layout().heldBefore(id.slug()));
                    deleted = gone.count();
                    deletedKeys = gone.first();
                    gone.failures().forEach(f -> stopped.add("could not delete " + f));
                }
                boolean caughtUp = stopped.isEmpty() && counters.written.get() == 0 && counters.failed.get() == 0 && deleted == 0;
                context.progress().caughtUp(id, counters.written.get() + deleted, Optional.empty(), caughtUp);
                Map<String, String> outputs = new LinkedHashMap<>();
                outputs.put(CAUGHT_UP, String.valueOf(caughtUp));
                outputs.put("recordsApplied", String.valueOf(counters.written.get() + deleted));
                if (pair.deleteRemoved()) {
                    outputs.put("objectsDeleted", String.valueOf(deleted));
                }
                if (counters.written.get() > 0) {
                    outputs.put("copied", firstOf(counters.firstCopied, counters.written.get()));
                }
                if (deleted > 0) {
                    outputs.put("deleted", firstOf(deletedKeys, deleted));
                }
                outputs.put("versionMap", journal.writeMap().toString());
                return new StepExecution.Ending(stopped, outputs);
            }
        });
    }

    /** The first keys of a pass, and "..." when it did more than those. */
    private static String firstOf(java.util.Collection<String> first, long total) {
        return String.join(", ", first) + (total > first.size() ? ", ..." : "");
    }

    @Override
    protected Replayer replayer(StepContext context, DeadLetterFile stillFailing) throws IOException {
        BucketCounters counters = new BucketCounters();
        WorkerPool parts = WorkerPool.of(options.concurrency(), "parts-" + pair.source());
        IdMapJournal journal = new IdMapJournal(context.layout().s3VersionsMap(pair.name()));
        RetryPolicy retry = context.retry(options.maxRetries());
        BucketCopier.Settings settings = settings(true, Shard.WHOLE);
        ObjectDeadLetters deadLetters = new ObjectDeadLetters(stillFailing, id.toString(), pair.source(), counters);
        BucketReplay objects = new BucketReplay(source, settings, new ObjectWork(source, target, settings,
                objectCopier(retry, parts), retry, deadLetters, journal, counters), retry, deadLetters, counters);
        return new Replayer() {
            @Override
            public void replay(ObjectNode entry) throws InterruptedException {
                objects.replay(entry);
            }

            @Override
            public UnitCounters counters() {
                return counters;
            }

            @Override
            public Map<String, String> outputs() throws IOException {
                Map<String, String> outputs = new LinkedHashMap<>();
                outputs.put("goneFromSource", objects.goneSummary());
                outputs.put("versionMap", journal.writeMap().toString());
                return outputs;
            }

            @Override
            public void close() throws IOException {
                parts.close();
                journal.close();
            }
        };
    }

    private RemovedObjects removed(RetryPolicy retry) {
        return new RemovedObjects(source, target, pair.source(), pair.target(), new KeyFilter(pair.include(), pair.exclude()), retry);
    }

    private ObjectCopier objectCopier(RetryPolicy retry, WorkerPool parts) {
        return new ObjectCopier(source, target, new ObjectCopier.Settings(pair.source(), pair.target(), pair.storageClass(),
                pair.kmsKeyId(), options.multipartThreshold(), options.multipartPartSize()), retry, parts);
    }

    @Override
    public Verification verify(StepContext context, double sampleRate) {
        return StepExecution.verify(id, () -> new BucketVerifier(source, target, context.retry(options.maxRetries()),
                options.concurrency(), context.progress(), context.layout().verifySpillDirectory()).verify(id, pair.source(), pair.target(), new KeyFilter(pair.include(), pair.exclude()),
                pair.versions() == BucketPair.VersionMode.ALL, sampleRate));
    }

    /** A bucket that deletes what the source removed records the whole target first: it runs whole in one shard. */
    @Override
    public boolean splittable() {
        return !pair.deleteRemoved();
    }

    /** Replaying, the target holds what the run copied: every object is decided against it. {@code slice}: the keys to copy. */
    private BucketCopier.Settings settings(boolean replaying, Shard slice) {
        // asked now, not taken from preflight (the target may have been written to since), and side by side
        Supplier<Boolean> targetHoldsObjects = replaying ? () -> true
                : Concurrently.start("target-" + pair.target(), () -> !target.firstKeys(pair.target(), 1).keys().isEmpty());
        String versioning = source.describe(pair.source()).map(BucketInfo::versioning).orElse("Disabled");
        return new BucketCopier.Settings(pair.source(), pair.target(), new KeyFilter(pair.include(), pair.exclude(), slice),
                pair.versions() == BucketPair.VersionMode.ALL, options.concurrency(), pair.ifTargetNotEmpty(), targetHoldsObjects.get(),
                "Enabled".equals(versioning) || "Suspended".equals(versioning));
    }

    private static Map<String, String> outputs(BucketCounters counters, IdMapJournal journal) throws IOException {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("bytesCopied", String.valueOf(counters.bytesCopied.get()));
        outputs.put("multipartCopies", String.valueOf(counters.multipart.get()));
        outputs.put("deleteMarkers", String.valueOf(counters.deleteMarkers.get()));
        outputs.put("versionIdsMapped", String.valueOf(journal.size()));
        outputs.put("versionMap", journal.writeMap().toString());
        if (journal.collisions() > 0) {
            outputs.put("versionIdCollisions", String.valueOf(journal.collisions()));
        }
        return outputs;
    }
}
