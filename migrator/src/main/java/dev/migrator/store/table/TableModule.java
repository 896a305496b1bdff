package dev.migrator.store.table;

import dev.migrator.model.CatchUp;

import dev.migrator.aws.AwsService;
import dev.migrator.engine.StepId;
import dev.migrator.engine.Step;
import dev.migrator.engine.StoreModule;
import dev.migrator.engine.Verification;
import dev.migrator.model.MigrationSchema;
import dev.migrator.model.NonEmptyTargetPolicy;
import dev.migrator.model.TablePair;
import java.util.List;
import java.util.Optional;

/** DynamoDB tables: one {@link TableStep} per table pair of the schema. */
public final class TableModule implements StoreModule {
    public static final StepId.Kind KIND = new StepId.Kind("TABLE", "table", "table", "table", "item(s)");

    @Override
    public StepId.Kind kind() {
        return KIND;
    }

    @Override
    public Optional<AwsService> service() {
        return Optional.of(AwsService.DYNAMODB);
    }

    /** Where the targets hold a copy already, tables rewrite it (puts are idempotent) rather than refuse. */
    @Override
    public List<Step> steps(MigrationSchema schema, Stacks stacks) {
        if (schema.tables().isEmpty()) {
            return List.of();
        }
        SdkTableGateway source = new SdkTableGateway(stacks.source().dynamoDb());
        SdkTableGateway target = new SdkTableGateway(stacks.target().dynamoDb());
        Optional<StreamGateway> stream = schema.tables().stream().anyMatch(t -> t.catchUp() == CatchUp.STREAM)
                ? Optional.of(new SdkStreamGateway(stacks.source().dynamoDbStreams())) : Optional.empty();
        Optional<ExportFiles> exports = schema.tables().stream().anyMatch(t -> t.export().isPresent())
                ? Optional.of(new SdkExportFiles(stacks.source().s3())) : Optional.empty();
        return schema.tables().stream().map(configured -> {
            TablePair pair = stacks.targetsHoldCopy() && configured.ifTargetNotEmpty() == NonEmptyTargetPolicy.REFUSE
                    ? configured.withIfTargetNotEmpty(NonEmptyTargetPolicy.OVERWRITE) : configured;
            return (Step) new TableStep(pair, schema.options(), source, target, stacks.source().stack().region(),
                    stacks.target().stack().region(), stream, exports);
        }).toList();
    }

    @Override
    public List<String> explainCounts(long unitsRead, Verification v) {
        if (!v.sampled() && v.targetCount() > v.sourceCount() && v.extra() == 0) {
            return List.of("the target holds " + (v.targetCount() - v.sourceCount())
                    + " more items than the source: items Stack B seeds at deploy time (seededKeys), not counted as extra");
        }
        return List.of();
    }
}
