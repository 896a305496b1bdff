package dev.migrator.schema;

import dev.migrator.model.MigrationSchema;
import java.util.List;

/** The outcome of loading a schema file: a usable schema (perhaps with warnings), or every problem found. */
public sealed interface LoadResult {

    List<Problem> problems();

    record Valid(MigrationSchema schema, List<Problem> problems) implements LoadResult {
        public Valid {
            problems = List.copyOf(problems);
        }
    }

    record Invalid(java.nio.file.Path file, List<Problem> problems) implements LoadResult {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}
