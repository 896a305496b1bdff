package dev.migrator.plan;

import dev.migrator.aws.StackGateways;
import dev.migrator.bucket.BucketStep;
import dev.migrator.model.BucketPair;
import dev.migrator.model.MigrationSchema;
import dev.migrator.model.NonEmptyTargetPolicy;
import dev.migrator.model.TablePair;
import dev.migrator.model.UserPoolPair;
import dev.migrator.table.TableStep;
import dev.migrator.userpool.UserPoolStep;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a schema into steps: user pools first (tables map their subs), then buckets (tables map
 * their version ids), then tables.
 */
public final class Planner {
    private final boolean resuming;

    public Planner() {
        this(false);
    }

    /**
     * Resuming, the targets hold what the interrupted run wrote: tables rewrite (idempotent puts), buckets
     * overwrite only what differs (equal objects are skipped), user pools skip or update as configured.
     */
    public Planner(boolean resuming) {
        this.resuming = resuming;
    }

    public Plan plan(MigrationSchema schema, StackGateways source, StackGateways target) {
        List<Step> steps = new ArrayList<>();
        for (UserPoolPair pair : schema.userPools()) {
            steps.add(new UserPoolStep(pair, schema.options(), source.userPools(), target.userPools()));
        }
        for (BucketPair configured : schema.buckets()) {
            BucketPair pair = resuming && configured.ifTargetNotEmpty() == NonEmptyTargetPolicy.REFUSE
                    ? configured.withIfTargetNotEmpty(NonEmptyTargetPolicy.OVERWRITE) : configured;
            steps.add(new BucketStep(pair, schema.options(), source.buckets(), target.buckets()));
        }
        for (TablePair configured : schema.tables()) {
            TablePair pair = resuming && configured.ifTargetNotEmpty() == NonEmptyTargetPolicy.REFUSE
                    ? configured.withIfTargetNotEmpty(NonEmptyTargetPolicy.OVERWRITE) : configured;
            steps.add(new TableStep(pair, schema.options(), source.tables(), target.tables(), source.region(), target.region()));
        }
        return new Plan(schema, steps);
    }
}
