package dev.migrator.cli;

import dev.migrator.aws.EndpointResolver;
import dev.migrator.engine.ProgressListener;
import dev.migrator.run.MigrationService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;

/** What every command on a schema file shares: the file, the common options, the output and the one service call. */
abstract class SchemaFileCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE", description = "The MigrationSchema file (VAMS or native format).")
    Path file;

    Output output() {
        return new Output(spec, common);
    }

    static MigrationService service() {
        return new MigrationService(EndpointResolver.fromSystemEnvironment());
    }

    /** Progress on the terminal, or none when the result is printed as JSON. */
    ProgressListener progress(Output out) {
        return common.json ? ProgressListener.NONE : new ConsoleProgress(out);
    }
}
