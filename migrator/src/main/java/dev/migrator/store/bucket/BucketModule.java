package dev.migrator.store.bucket;

import dev.migrator.aws.AwsService;
import dev.migrator.aws.StackClients;
import dev.migrator.engine.Step;
import dev.migrator.engine.StepId;
import dev.migrator.engine.StoreModule;
import dev.migrator.engine.Verification;
import dev.migrator.model.BucketPair;
import dev.migrator.model.MigrationSchema;
import dev.migrator.model.NonEmptyTargetPolicy;
import java.util.List;
import java.util.Optional;

/** S3 buckets: one {@link BucketStep} per bucket pair of the schema. */
public final class BucketModule implements StoreModule {
    public static final StepId.Kind KIND = new StepId.Kind("BUCKET", "bucket", "bucket", "bucket", "object(s)");

    @Override
    public StepId.Kind kind() {
        return KIND;
    }

    @Override
    public Optional<AwsService> service() {
        return Optional.of(AwsService.S3);
    }

    /** Where the targets hold a copy already, buckets overwrite only what differs (equal objects are skipped). */
    @Override
    public List<Step> steps(MigrationSchema schema, Stacks stacks) {
        if (schema.buckets().isEmpty()) {
            return List.of();
        }
        BucketGateway source = gateway(stacks.source());
        BucketGateway target = gateway(stacks.target());
        return schema.buckets().stream().map(configured -> {
            BucketPair pair = stacks.targetsHoldCopy() && configured.ifTargetNotEmpty() == NonEmptyTargetPolicy.REFUSE
                    ? configured.withIfTargetNotEmpty(NonEmptyTargetPolicy.OVERWRITE) : configured;
            return (Step) new BucketStep(pair, schema.options(), source, target, () -> principal(stacks.target()));
        }).toList();
    }

    private static Optional<String> principal(StackClients clients) {
        return dev.migrator.aws.StackProbe.principal(clients);
    }

    private static BucketGateway gateway(StackClients clients) {
        String service = clients.endpoints().resolve(clients.stack(), AwsService.S3).map(java.net.URI::toString)
                .orElseGet(() -> "aws partition " + partition(clients.stack().region()));
        return new SdkBucketGateway(clients.s3(), service);
    }

    /** Server-side copies work across regions but not across partitions. */
    private static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    @Override
    public List<String> explainCounts(long unitsRead, Verification v) {
        if (unitsRead > v.sourceCount()) {
            return List.of(unitsRead + " units copied for " + v.sourceCount()
                    + " current objects: with versions \"all\" every version and delete marker is a unit");
        }
        return List.of();
    }
}
