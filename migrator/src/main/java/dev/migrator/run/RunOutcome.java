package dev.migrator.run;

import dev.migrator.model.MigrationSchema;
import dev.migrator.schema.LoadResult;
import java.nio.file.Path;

/** How {@code run} ended: an invalid file, or a report (refused at preflight, or finished). */
public sealed interface RunOutcome {

    record Invalid(LoadResult.Invalid load) implements RunOutcome {}

    /** --resume found nothing to continue, or a state directory of a different version of the schema. */
    record CannotResume(String reason) implements RunOutcome {}

    record Reported(MigrationSchema schema, RunReport report, Path reportFile) implements RunOutcome {}
}
