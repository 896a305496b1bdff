package dev.migrator.cli;

import dev.migrator.schema.LoadResult;
import dev.migrator.schema.Problem;
import java.nio.file.Path;
import java.util.List;

/** The machine-readable result of {@code validate --json}. */
record ValidationJson(String file, boolean valid, String format, List<Problem> problems) {

    static ValidationJson of(Path file, LoadResult result) {
        String format = result instanceof LoadResult.Valid v ? v.schema().format().name() : null;
        return new ValidationJson(file.toString(), result instanceof LoadResult.Valid, format, result.problems());
    }
}
