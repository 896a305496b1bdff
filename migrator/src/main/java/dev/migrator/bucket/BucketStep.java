package dev.migrator.bucket;

import dev.migrator.maps.IdMapJournal;
import dev.migrator.model.BucketPair;
import dev.migrator.model.NonEmptyTargetPolicy;
import dev.migrator.plan.Finding;
import dev.migrator.plan.Preflight;
import dev.migrator.plan.ResourceState;
import dev.migrator.plan.Step;
import dev.migrator.plan.StepContext;
import dev.migrator.plan.StepExecution;
import dev.migrator.plan.Verification;
import dev.migrator.plan.StepId;
import dev.migrator.plan.StepResult;
import dev.migrator.deadletter.DeadLetterFile;
import dev.migrator.deadletter.DeadLetterReplay;
import dev.migrator.model.MigrationOptions;
import dev.migrator.plan.RetryPolicy;
import dev.migrator.run.Backoff;
import dev.migrator.transform.ValueMaps;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Copies one S3 bucket pair server-side. Preflight: both buckets exist on one S3 service, versioning
 * of both sides, target empty (or allowed not to be). Execute: {@link BucketCopier}; every object not
 * copied is dead-lettered; the old -> new version id map is written for the table transforms.
 */
public final class BucketStep implements Step {
    /** One ListObjectsV2 page: an exact count below it is cheap, above it the plan says "more than". */
    static final int COUNT_PAGE = 1000;
    private static final int KEYS_SHOWN = 5;

    private final BucketPair pair;
    private final MigrationOptions options;
    private final BucketGateway source;
    private final BucketGateway target;
    private final StepId id;

    public BucketStep(BucketPair pair, MigrationOptions options, BucketGateway source, BucketGateway target) {
        this.pair = pair;
        this.options = options;
        this.source = source;
        this.target = target;
        this.id = new StepId(StepId.Kind.BUCKET, pair.name(), pair.at().pair());
    }

    @Override
    public StepId id() {
        return id;
    }

    @Override
    public Preflight preflight() {
        List<ResourceState> resources = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        try {
            resources.add(look(source, ResourceState.Side.SOURCE, pair.source(), findings));
        } catch (RuntimeException e) {
            return Preflight.unreachable(id, "source bucket " + pair.source(), e);
        }
        try {
            resources.add(look(target, ResourceState.Side.TARGET, pair.target(), findings));
        } catch (RuntimeException e) {
            return Preflight.unreachable(id, "target bucket " + pair.target(), e);
        }
        if (!source.service().equals(target.service())) {
            findings.add(Finding.error("the source bucket is on " + source.service() + " and the target on " + target.service()
                    + "; server-side copies need one S3 service", "use one S3 endpoint for both stacks"));
        }
        if (pair.versions() == BucketPair.VersionMode.ALL) {
            resources.stream().filter(r -> r.exists() && !"Enabled".equals(r.details().get("versioning")))
                    .forEach(r -> findings.add(Finding.warning(r.side().name().toLowerCase() + " bucket " + r.name()
                            + " versioning is " + r.details().get("versioning") + " but versions is \"all\"",
                            r.side() == ResourceState.Side.TARGET
                                    ? "enable versioning on the target bucket, or the copied history collapses to one version"
                                    : "a bucket without versioning has only current versions to copy")));
        }
        return new Preflight(id, resources, findings);
    }

    private ResourceState look(BucketGateway gateway, ResourceState.Side side, String bucket, List<Finding> findings) {
        Optional<BucketInfo> info = gateway.describe(bucket);
        if (info.isEmpty()) {
            findings.add(Finding.error(side.name().toLowerCase() + " bucket " + bucket + " does not exist",
                    side == ResourceState.Side.TARGET ? "deploy Stack B first, or fix the name at " + pair.at().target()
                            : "check the name at " + pair.at().source() + " and the source stack's account"));
            return ResourceState.missing(side, bucket);
        }
        BucketGateway.KeyListing listing = gateway.firstKeys(bucket, COUNT_PAGE);
        boolean empty = listing.keys().isEmpty();
        if (side == ResourceState.Side.TARGET && !empty) {
            findings.add(nonEmpty(bucket, listing));
        }
        return new ResourceState(side, bucket, true, Optional.of(empty), Optional.of((long) listing.keys().size()),
                listing.truncated(), listing.keys().stream().limit(KEYS_SHOWN).toList(),
                Map.of("versioning", info.get().versioning()));
    }

    private Finding nonEmpty(String bucket, BucketGateway.KeyListing listing) {
        String count = (listing.truncated() ? "more than " : "") + listing.keys().size();
        if (pair.ifTargetNotEmpty() == NonEmptyTargetPolicy.OVERWRITE) {
            return Finding.warning("target bucket " + bucket + " holds " + count + " objects; objects with the same key are replaced", "");
        }
        if (pair.ifTargetNotEmpty() == NonEmptyTargetPolicy.SKIP_EXISTING) {
            return Finding.info("target bucket " + bucket + " holds " + count + " objects; equal objects already there are skipped");
        }
        return Finding.error("target bucket " + bucket + " is not empty: it holds " + count + " object(s); first keys: "
                        + listing.keys().stream().limit(KEYS_SHOWN).toList(),
                "point the target at Stack B's fresh bucket, or set \"ifTargetNotEmpty\": \"skip-existing\" or \"overwrite\" at "
                        + pair.at().pair());
    }

    @Override
    public StepResult execute(StepContext context) {
        BucketCounters counters = new BucketCounters();
        Path deadLetterPath = DeadLetterFile.pathOf(context.runDirectory(), id);
        return StepExecution.run(id, counters::snapshot, () -> {
            ExecutorService workers = threads(options.concurrency(), "copy-" + pair.source());
            ExecutorService parts = threads(options.concurrency(), "parts-" + pair.source());
            try (DeadLetterFile file = new DeadLetterFile(deadLetterPath);
                 IdMapJournal journal = new IdMapJournal(ValueMaps.s3VersionsFile(context.runDirectory(), pair.name()))) {
                RetryPolicy retry = new RetryPolicy(options.maxRetries(), Backoff.DEFAULT);
                BucketCopier copier = new BucketCopier(source, target, settings(false), objectCopier(retry, parts), retry);
                context.progress().started(id, -1, pair.versions() == BucketPair.VersionMode.ALL ? "versions" : "objects");
                ListingCheckpoint checkpoint = new ListingCheckpoint(context.checkpoints(), "bucket-" + pair.name(), context.resume());
                List<String> stopped = copier.copy(workers, new ObjectDeadLetters(file, id.toString(), pair.source(), counters),
                        journal, counters, checkpoint, () -> {
                            context.progress().transferred(id, counters.bytesCopied.get());
                            context.progress().advanced(id, counters.copied.get() + counters.skipped.get() + counters.failed.get(),
                                    counters.failed.get());
                        });
                return new StepExecution.Ending(stopped, outputs(counters, journal, file));
            } finally {
                workers.shutdownNow();
                parts.shutdownNow();
            }
        });
    }

    @Override
    public StepResult replay(StepContext context) {
        BucketCounters counters = new BucketCounters();
        return StepExecution.run(id, counters::snapshot, () -> {
            ExecutorService parts = threads(options.concurrency(), "parts-" + pair.source());
            try (DeadLetterReplay replay = new DeadLetterReplay(DeadLetterFile.pathOf(context.runDirectory(), id));
                 IdMapJournal journal = new IdMapJournal(ValueMaps.s3VersionsFile(context.runDirectory(), pair.name()))) {
                RetryPolicy retry = new RetryPolicy(options.maxRetries(), Backoff.DEFAULT);
                BucketCopier.Settings settings = settings(true);
                ObjectDeadLetters deadLetters = new ObjectDeadLetters(replay.stillFailing(), id.toString(), pair.source(), counters);
                BucketReplay objects = new BucketReplay(source, settings, new ObjectWork(source, target, settings,
                        objectCopier(retry, parts), retry, deadLetters, journal, counters), retry, deadLetters, counters);
                context.progress().started(id, replay.countEntries(), "dead letters");
                replay.forEach(entry -> {
                    objects.replay(entry);
                    context.progress().advanced(id, counters.listed.get(), counters.failed.get());
                });
                Map<String, String> outputs = new LinkedHashMap<>(replay.commit());
                outputs.put("goneFromSource", objects.goneSummary());
                outputs.put("versionMap", journal.writeMap().toString());
                return new StepExecution.Ending(List.of(), outputs);
            } finally {
                parts.shutdownNow();
            }
        });
    }

    private ObjectCopier objectCopier(RetryPolicy retry, ExecutorService parts) {
        return new ObjectCopier(source, target, new ObjectCopier.Settings(pair.source(), pair.target(), pair.storageClass(),
                pair.kmsKeyId(), options.multipartThreshold(), options.multipartPartSize()), retry, parts);
    }

    @Override
    public Verification verify(StepContext context, double sampleRate) {
        return StepExecution.verify(id, () -> new BucketVerifier(source, target, new RetryPolicy(options.maxRetries(), Backoff.DEFAULT),
                options.concurrency(), context.progress()).verify(id, pair.source(), pair.target(), new KeyFilter(pair.include(), pair.exclude()),
                pair.versions() == BucketPair.VersionMode.ALL, sampleRate));
    }

    /** Replaying, the target holds what the run copied: every object is decided against it. */
    private BucketCopier.Settings settings(boolean replaying) {
        String versioning = source.describe(pair.source()).map(BucketInfo::versioning).orElse("Disabled");
        boolean targetHoldsObjects = replaying || !target.firstKeys(pair.target(), 1).keys().isEmpty();
        return new BucketCopier.Settings(pair.source(), pair.target(), new KeyFilter(pair.include(), pair.exclude()),
                pair.versions() == BucketPair.VersionMode.ALL, options.concurrency(), pair.ifTargetNotEmpty(), targetHoldsObjects,
                "Enabled".equals(versioning) || "Suspended".equals(versioning));
    }

    private static Map<String, String> outputs(BucketCounters counters, IdMapJournal journal, DeadLetterFile file) throws IOException {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("bytesCopied", String.valueOf(counters.bytesCopied.get()));
        outputs.put("multipartCopies", String.valueOf(counters.multipart.get()));
        outputs.put("deleteMarkers", String.valueOf(counters.deleteMarkers.get()));
        outputs.put("versionIdsMapped", String.valueOf(journal.size()));
        outputs.put("versionMap", journal.writeMap().toString());
        if (journal.collisions() > 0) {
            outputs.put("versionIdCollisions", String.valueOf(journal.collisions()));
        }
        if (file.count() > 0) {
            outputs.put("deadLetters", file.path().toString());
        }
        return outputs;
    }

    private static ExecutorService threads(int count, String name) {
        return Executors.newFixedThreadPool(Math.max(1, count), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
