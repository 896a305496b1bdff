package dev.migrator.cli;

import picocli.CommandLine;

/** A command that works on a schema's state directory (run, verify, replay). */
abstract class StateCommand extends SchemaFileCommand {
    @CommandLine.Mixin
    StateDirOption state;
}
