package dev.migrator.run;

import dev.migrator.model.MigrationSchema;
import dev.migrator.schema.LoadResult;
import java.nio.file.Path;

/** How {@code run} ended: an invalid file, or a report (refused at preflight, or finished). */
public sealed interface RunOutcome {

    record Invalid(LoadResult.Invalid load) implements RunOutcome {}

    /** --resume or replay found no state to continue from, or only that of a different version of the schema. */
    record NoEarlierRun(String reason) implements RunOutcome {}

    record Reported(MigrationSchema schema, RunReport report, Path reportFile) implements RunOutcome {}
}
