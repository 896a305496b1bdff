package dev.migrator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "demo", mixinStandardHelpOptions = true, hidden = true,
        description = "Starts local emulators with a VAMS-shaped Stack A and an empty Stack B, then plans and runs a migration.")
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("demo: not available in this build");
        return ExitCode.UNEXPECTED;
    }
}
