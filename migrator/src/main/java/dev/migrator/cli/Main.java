package dev.migrator.cli;

import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/** {@code java -jar migrator.jar [COMMAND] ...}; a bare schema file means {@code run FILE}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        WorkerJvm.dieWithLauncher();
        java.util.OptionalInt worker = WorkerJvm.runIfBetter(args);
        if (worker.isPresent()) { // the worker JVM did the work (and installed the provider itself)
            System.exit(worker.getAsInt());
        }
        // on a thread of its own: loading the native provider and its self-tests take ~0.2 s, overlapping picocli's
        // model and the schema's validation; requests signed before it is in place use the JDK's (same signatures)
        Thread crypto = new Thread(dev.migrator.support.FastCrypto::install, "native-crypto");
        crypto.setDaemon(true);
        crypto.start();
        System.exit(execute(args));
    }

    /** The options the worker JVM runs with, for a profiler that keeps the work in the JVM it starts. */
    public static List<String> workerJvmOptions() {
        return WorkerJvm.OPTIONS;
    }

    public static int execute(String... args) {
        return execute(commandLine(), args);
    }

    /** Runs {@code args} on {@code cli} (whose out and err a test may have replaced). */
    public static int execute(CommandLine cli, String... args) {
        if (isVersionAsJson(args)) {
            try {
                cli.getOut().println(dev.migrator.run.ReportJson.mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(VersionProvider.asJson()));
                cli.getOut().flush();
                return ExitCode.OK;
            } catch (java.io.IOException e) {
                cli.getErr().println("error: " + e.getMessage());
                return ExitCode.UNEXPECTED;
            }
        }
        return cli.execute(withImplicitRun(cli.getSubcommands().keySet(), args));
    }

    /** {@code migrator --version --json} (picocli's own version help prints text only). */
    static boolean isVersionAsJson(String[] args) {
        Set<String> given = Set.of(args);
        return args.length == 2 && given.contains("--json") && (given.contains("--version") || given.contains("-V"));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new MigratorCommand());
        cli.setUsageHelpWidth(110);
        cli.setExecutionExceptionHandler(new FailureHandler());
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage());
            e.getCommandLine().getErr().println("see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
            return ExitCode.INVALID_INPUT;
        });
        return cli;
    }

    /** {@code migrator FILE [OPTIONS]} is {@code migrator run FILE [OPTIONS]}; a command's name stays a command. */
    public static String[] withImplicitRun(String[] args) {
        return withImplicitRun(commandLine().getSubcommands().keySet(), args);
    }

    /** As above, with the command names of a command line already built (building picocli's model costs ~0.1 s). */
    static String[] withImplicitRun(Set<String> commandNames, String[] args) {
        if (args.length == 0 || args[0].startsWith("-") || commandNames.contains(args[0])) {
            return args;
        }
        String[] withRun = new String[args.length + 1];
        withRun[0] = "run";
        System.arraycopy(args, 0, withRun, 1, args.length);
        return withRun;
    }
}
