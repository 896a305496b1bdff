package dev.migrator.store.bucket;

import dev.migrator.engine.Finding;
import dev.migrator.engine.ResourceState;
import dev.migrator.model.BucketPair;
import dev.migrator.model.NonEmptyTargetPolicy;
import dev.migrator.support.AwsErrors;
import dev.migrator.support.Concurrently;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What preflight says about a bucket pair: both buckets (versioning, first keys, empty or not), one S3 service
 * for both, versions "all" without versioning, and whether Stack B's credentials can read Stack A's bucket.
 */
final class BucketPreflight {
    /** One ListObjectsV2 page: an exact count below it is cheap, above it the plan says "more than". */
    static final int COUNT_PAGE = 1000;
    private static final int KEYS_SHOWN = 5;

    private final BucketPair pair;
    private final BucketGateway source;
    private final BucketGateway target;
    private final Supplier<Optional<String>> targetPrincipal;

    /** What describing one side gives: the bucket's own answer, and its first keys and settings, asked for beside it. */
    record Described(BucketInfo info, Supplier<BucketGateway.KeyListing> keys, Supplier<BucketConfig> settings) {}

    BucketPreflight(BucketPair pair, BucketGateway source, BucketGateway target, Supplier<Optional<String>> targetPrincipal) {
        this.pair = pair;
        this.source = source;
        this.target = target;
        this.targetPrincipal = targetPrincipal;
    }

    /**
     * The bucket's own answer (exists, versioning), with its first keys and its settings asked for side by side: on a
     * link of tens of milliseconds each is a round trip, and one after the other they were most of a step's preflight.
     * A missing bucket's other answers are not looked at.
     */
    static Optional<Described> describe(String bucket, BucketGateway gateway) {
        Supplier<BucketGateway.KeyListing> keys = Concurrently.start("keys-" + bucket, () -> gateway.firstKeys(bucket, COUNT_PAGE));
        Supplier<BucketConfig> settings = Concurrently.start("settings-" + bucket, () -> gateway.configuration(bucket));
        return gateway.describe(bucket).map(info -> new Described(info, keys, settings));
    }

    ResourceState look(ResourceState.Side side, String bucket, Optional<Described> described, List<Finding> findings) {
        if (described.isEmpty()) {
            findings.add(Finding.error(side.name().toLowerCase() + " bucket " + bucket + " does not exist",
                    side == ResourceState.Side.TARGET ? "deploy Stack B first, or fix the name at " + pair.at().target()
                            : "check the name at " + pair.at().source() + " and the source stack's account"));
            return ResourceState.missing(side, bucket);
        }
        BucketGateway.KeyListing listing = described.get().keys().get();
        boolean empty = listing.keys().isEmpty();
        if (side == ResourceState.Side.TARGET && !empty) {
            findings.add(nonEmpty(bucket, listing));
        }
        return new ResourceState(side, bucket, true, Optional.of(empty), Optional.of((long) listing.keys().size()),
                listing.truncated(), listing.keys().stream().limit(KEYS_SHOWN).toList(),
                Map.of("versioning", described.get().info().versioning()));
    }

    /** Both buckets exist: the settings that change behaviour, side against side. */
    void compare(Described sourceSide, Described targetSide, List<Finding> findings) {
        findings.addAll(BucketDrift.compare(pair.source(), sourceSide.settings().get(), pair.target(), targetSide.settings().get()));
    }

    void review(List<ResourceState> resources, List<Finding> findings) {
        resources.stream().filter(r -> r.side() == ResourceState.Side.SOURCE && r.exists() && !r.firstKeys().isEmpty()).findFirst()
                .filter(r -> resources.stream().allMatch(ResourceState::exists))
                .flatMap(r -> readableWithTargetCredentials(r.firstKeys().get(0))).ifPresent(findings::add);
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
    }

    /**
     * Server-side copies are issued with Stack B's credentials: proven by a HeadObject of one source object with
     * them (no write). Denied, the finding prints the bucket policy statement Stack A's bucket needs.
     */
    private Optional<Finding> readableWithTargetCredentials(String key) {
        try {
            target.head(pair.source(), key, Optional.empty());
            return Optional.empty();
        } catch (RuntimeException e) {
            if (!AwsErrors.isAccessDenied(e)) {
                return Optional.of(Finding.warning("could not prove that Stack B's credentials can read source bucket " + pair.source()
                        + " (HeadObject of '" + key + "'): " + AwsErrors.describe(e), "server-side copies are issued with them"));
            }
            String principal = targetPrincipal.get().orElse("arn:aws:iam::<Stack B's account>:role/<the role migrator runs as>");
            String statement = "{\"Sid\": \"MigratorReadsForStackB\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"" + principal
                    + "\"}, \"Action\": [\"s3:ListBucket\", \"s3:ListBucketVersions\", \"s3:GetObject\", \"s3:GetObjectVersion\", "
                    + "\"s3:GetObjectTagging\", \"s3:GetObjectVersionTagging\"], \"Resource\": [\"arn:aws:s3:::" + pair.source()
                    + "\", \"arn:aws:s3:::" + pair.source() + "/*\"]}";
            return Optional.of(Finding.error("Stack B's credentials cannot read source bucket " + pair.source() + " (HeadObject of '" + key
                            + "' with them: " + AwsErrors.describe(e) + "); server-side copies are issued with Stack B's credentials",
                    "add this statement to " + pair.source() + "'s bucket policy in Stack A (and where its objects are encrypted with a "
                            + "KMS key of Stack A, allow kms:Decrypt on that key to the same principal): " + statement));
        }
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
}
