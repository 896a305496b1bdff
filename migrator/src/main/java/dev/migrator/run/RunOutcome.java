package dev.migrator.run;

import dev.migrator.model.MigrationSchema;
import dev.migrator.schema.LoadResult;
import java.nio.file.Path;

/** How {@code run} ended: an invalid file, or a report (refused at preflight, or finished). */
public sealed interface RunOutcome {

    record Invalid(LoadResult.Invalid load) implements RunOutcome {}

    /** --resume or replay found no state to continue from, or only that of a different version of the schema. */
    record NoEarlierRun(String reason) implements RunOutcome {}

    /** Another process holds this schema's state lock; the reason names it. Nothing was read or written. */
    record Locked(String reason) implements RunOutcome {}

    /** {@code reportFile} is this run's own report (under reports/); {@code directory} its state directory. */
    record Reported(MigrationSchema schema, RunReport report, Path reportFile, Path directory) implements RunOutcome {}
}
