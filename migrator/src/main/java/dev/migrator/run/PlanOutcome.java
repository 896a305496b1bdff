package dev.migrator.run;

import dev.migrator.model.MigrationSchema;
import dev.migrator.engine.Preflight;
import dev.migrator.schema.LoadResult;
import dev.migrator.schema.Problem;
import java.util.List;

/** What {@code plan} found: an invalid file, or every step's preflight. */
public sealed interface PlanOutcome {

    record Invalid(LoadResult.Invalid load) implements PlanOutcome {}

    record Planned(MigrationSchema schema, List<Problem> warnings, List<dev.migrator.aws.StackAccess> stacks, List<Preflight> preflights,
                   List<dev.migrator.engine.Sample> samples) implements PlanOutcome {
        public boolean blocksRun() {
            return preflights.stream().anyMatch(Preflight::blocksRun);
        }
    }
}
