package dev.migrator.engine;

import dev.migrator.model.MigrationSchema;
import java.util.List;

/** The steps of one migration, in the order they run. */
public record Plan(MigrationSchema schema, List<Step> steps) {
    public Plan {
        steps = List.copyOf(steps);
    }
}
