package dev.migrator.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {
    @Option(names = {"-v", "--verbose"}, description = "Print stack traces of unexpected failures.")
    boolean verbose;

    @Option(names = "--json", description = "Print the result as JSON on standard output, for machines.")
    boolean json;
}
