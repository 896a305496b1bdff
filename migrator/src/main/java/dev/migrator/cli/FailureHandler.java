package dev.migrator.cli;

import dev.migrator.support.AwsErrors;
import picocli.CommandLine;

/** An unexpected failure: one line, and the stack trace only with --verbose. */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        cli.getErr().println("error: " + AwsErrors.describe(e));
        if (parsed.expandedArgs().contains("--verbose") || parsed.expandedArgs().contains("-v")) {
            e.printStackTrace(cli.getErr());
        } else {
            cli.getErr().println("run again with --verbose for the stack trace");
        }
        return e instanceof InterruptedException ? ExitCode.INTERRUPTED : ExitCode.UNEXPECTED;
    }
}
