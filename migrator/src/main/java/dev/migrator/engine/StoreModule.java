package dev.migrator.engine;

import dev.migrator.aws.AwsService;
import dev.migrator.aws.StackClients;
import dev.migrator.model.MigrationSchema;
import java.util.List;
import java.util.Optional;

/**
 * A kind of store (tables, buckets, user pools) plugged into the engine: it turns its part of the schema
 * into steps that talk to both stacks through its own gateways. The engine and the run know stores only
 * through this interface; {@code run.Stores} lists the modules, one line each.
 */
public interface StoreModule {

    /** The kind its steps carry in their ids, reports and file names. */
    StepId.Kind kind();

    /** The AWS service its steps call, which both stacks are checked for once before any preflight. */
    Optional<AwsService> service();

    /** One step per pair of this store in the schema, in schema order. */
    List<Step> steps(MigrationSchema schema, Stacks stacks);

    /** Sentences explaining a verification's counts to a reader of the report (why the target holds more). */
    default List<String> explainCounts(long unitsRead, Verification verification) {
        return List.of();
    }

    /**
     * The two stacks' clients, and whether the targets already hold a copy this command continues (resume,
     * replay, verify): then a step does not refuse a target that is not empty.
     */
    record Stacks(StackClients source, StackClients target, boolean targetsHoldCopy) {}
}
