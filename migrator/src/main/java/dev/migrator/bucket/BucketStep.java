package dev.migrator.bucket;

import dev.migrator.model.BucketPair;
import dev.migrator.model.NonEmptyTargetPolicy;
import dev.migrator.plan.Finding;
import dev.migrator.plan.Preflight;
import dev.migrator.plan.ResourceState;
import dev.migrator.plan.Step;
import dev.migrator.plan.StepContext;
import dev.migrator.plan.StepId;
import dev.migrator.plan.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Copies one S3 bucket pair. Preflight: both buckets exist, versioning of both sides, target empty. */
public final class BucketStep implements Step {
    /** One ListObjectsV2 page: an exact count below it is cheap, above it the plan says "more than". */
    static final int COUNT_PAGE = 1000;
    private static final int KEYS_SHOWN = 5;

    private final BucketPair pair;
    private final BucketGateway source;
    private final BucketGateway target;
    private final StepId id;

    public BucketStep(BucketPair pair, BucketGateway source, BucketGateway target) {
        this.pair = pair;
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
        return new StepResult.NotRun(id, "bucket copy is not implemented in this build");
    }
}
