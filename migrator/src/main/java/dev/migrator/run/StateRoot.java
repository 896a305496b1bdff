package dev.migrator.run;

import dev.migrator.model.MigrationSchema;
import java.nio.file.Path;

/**
 * Where a schema's state lives: the command line's --state-dir, else the schema's
 * {@code options.stateDirectory} (relative to the schema file, like map files), else ./migration-state.
 */
public final class StateRoot {
    public static final Path DEFAULT = Path.of("migration-state");

    private StateRoot() {}

    public static Path of(Path commandLine, MigrationSchema schema) {
        if (commandLine != null) {
            return commandLine;
        }
        return schema.options().stateDirectory().map(dir -> {
            Path parent = schema.file().toAbsolutePath().getParent();
            return parent == null ? Path.of(dir) : parent.resolve(dir);
        }).orElse(DEFAULT);
    }
}
