package dev.migrator.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --state-dir, shared by the commands that work on a schema's state. */
final class StateDirOption {
    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where run state, reports and dead letters go (created owner-only). Default: the schema's "
                    + "options.stateDirectory (relative to the schema file), else migration-state in the current directory. This option wins.")
    Path stateRoot;
}
