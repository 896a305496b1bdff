package dev.migrator.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The JVM migrator's work runs in. A copy executes a very wide code path (the SDK's endpoint rules, signers, the HTTP
 * client, XML and JSON codecs) hundreds of thousands of times; on two cores the C2 compiler spent more CPU compiling
 * that path than the copy spent running it (bench, 10,000 objects at concurrency 64: 2.4 CPU s per 1,000 objects with
 * the JVM's defaults, 1.0 with C1 alone and the serial collector, and 1.7x the objects/s). {@code java -jar
 * migrator.jar} cannot name JVM options, so for the commands that move data the launching JVM starts a worker JVM
 * with {@link #OPTIONS} (and every option it was given itself, and its {@link ClassArchive}), passes standard input and output through, forwards
 * Ctrl-C and exits with the worker's exit code.
 *
 * <p>Not relaunched: {@code MIGRATOR_RELAUNCH=false}; options the operator chose (a compiler or collector flag, or
 * {@code JAVA_TOOL_OPTIONS}); quick commands (validate, status, templates, help, version). {@code plan} is relaunched:
 * it reads both stacks for every resource, and for 16 tables and 2 buckets on a 30 ms link took 3.1 s in a worker
 * (its class archive mapped) against 4.0-4.2 s here, where C2 alone spent 1.6 CPU s.
 */
final class WorkerJvm {
    /**
     * C1 alone and the serial collector (see above), C1 compiling a method after half the calls it would wait for
     * otherwise (the interpreter is many times slower than C1 code, and a table copies 25 items per request, so a
     * request's code ran 200 times interpreted in a copy of 50,000 items' 2,000 requests: 8% less CPU per item for
     * that copy in the bench, 4% per object for 10,000 objects, 0.1 CPU s more for a one-item run); native access
     * for the crypto provider's library, which JDK 24 and later otherwise warn about on every run, four lines on
     * standard error (the jar's manifest says the same for a JVM started with {@code -jar}; this JVM is started with
     * {@code -cp}).
     */
    static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.5", "-XX:+UseSerialGC",
            "--enable-native-access=ALL-UNNAMED");
    /** Set in the worker to the launching JVM's pid, so it never relaunches itself and dies with its launcher. */
    static final String MARKER = "migrator.worker";
    /** The worker's exit code when its launcher was killed (SIGKILL: 128 + 9), as if it had been killed too. */
    static final int LAUNCHER_GONE = 137;
    private static final Set<String> QUICK = Set.of("validate", "status", "templates", "help");
    private static final Set<String> CHOSEN = Set.of("-XX:TieredStopAtLevel", "-XX:-TieredCompilation", "-XX:CompileThresholdScaling",
            "-XX:+UseSerialGC", "-XX:+UseG1GC", "-XX:+UseParallelGC", "-XX:+UseZGC", "-XX:+UseShenandoahGC", "-XX:+UseEpsilonGC", "-Xint");

    private WorkerJvm() {}

    /** Runs the command in a worker JVM when that is better; its exit code, or empty to run it here. */
    static OptionalInt runIfBetter(String[] args) {
        ProcessHandle.Info self = ProcessHandle.current().info(); // read once: each call reads /proc again
        List<String> jvmArguments = self.arguments()
                .flatMap(argv -> optionsOnCommandLine(List.of(argv), args, System.getenv()))
                .orElseGet(() -> ManagementFactory.getRuntimeMXBean().getInputArguments());
        String classPath = System.getProperty("java.class.path");
        Optional<String> java = self.command();
        if (!relaunches(args, System.getenv(), jvmArguments, System.getProperty(MARKER) != null, java, classPath)) {
            return OptionalInt.empty();
        }
        // only once the work goes to a worker: a quick command neither looks at the cache nor creates it
        Optional<ClassArchive> archive = jvmArguments.stream().anyMatch(a -> a.startsWith("-Xshare") || a.contains("SharedArchiveFile")
                || a.contains("ArchiveClassesAtExit") || a.startsWith("-XX:AOT")) ? Optional.empty()
                : ClassArchive.of(System.getenv(), classPath, System.getProperty("java.home"), System.getProperty("java.vm.version"),
                        Runtime.version().feature(), System.getProperty("user.home"), ProcessHandle.current().pid());
        List<String> command = command(java.get(), jvmArguments, classPath, args, archive.map(ClassArchive::options).orElse(List.of()));
        Process worker;
        try {
            worker = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        Thread forward = new Thread(() -> stop(worker), "forward-ctrl-c");
        Runtime.getRuntime().addShutdownHook(forward);
        while (true) {
            try {
                int code = worker.waitFor();
                try {
                    Runtime.getRuntime().removeShutdownHook(forward);
                } catch (IllegalStateException shuttingDown) {
                    // a signal: the hook passed it on and ends this JVM with the worker's exit code
                    // (uncaught, this printed 'Exception in thread "main"' under the worker's report)
                    return OptionalInt.of(code);
                }
                archive.ifPresent(a -> keep(a, code, options -> assemble(java.get(), jvmArguments, classPath, options)));
                return OptionalInt.of(code);
            } catch (InterruptedException e) {
                // only a signal ends this JVM before the worker; the hook handles it
            }
        }
    }

    /**
     * The worker's command line, or empty when this JVM should do the work itself. Pure: everything it looks at is
     * an argument.
     */
    static Optional<List<String>> command(String[] args, Map<String, String> env, List<String> jvmArguments, boolean isWorker,
                                          Optional<String> java, String classPath) {
        return relaunches(args, env, jvmArguments, isWorker, java, classPath)
                ? Optional.of(command(java.get(), jvmArguments, classPath, args, List.of())) : Optional.empty();
    }

    /** The java launcher's class path options, their value the next argument. */
    private static final Set<String> CLASS_PATH = Set.of("-cp", "-classpath", "--class-path");
    /** The java launcher's options that run something else than a class or a jar's main class. */
    private static final Set<String> OTHER_LAUNCH = Set.of("-m", "--module", "--source");

    /**
     * The JVM options on this JVM's command line ({@code argv}: its arguments after the executable): everything before
     * {@code -jar FILE} or the main class, which {@code args} follow, less a class path (the worker gets its own). Empty
     * where the command line does not say them all or cannot be taken apart for sure: then JMX's list serves, which
     * costs the launcher about 40 ms of start-up (the platform's management beans). Not from the command line: options
     * in {@code JDK_JAVA_OPTIONS}, {@code _JAVA_OPTIONS} or an {@code @argfile} (only the JVM expands those), a module
     * or source-file launch. Pure.
     */
    static Optional<List<String>> optionsOnCommandLine(List<String> argv, String[] args, Map<String, String> env) {
        int head = argv.size() - args.length;
        if (env.containsKey("JDK_JAVA_OPTIONS") || env.containsKey("_JAVA_OPTIONS") || head < 1
                || !argv.subList(head, argv.size()).equals(List.of(args)) || argv.get(head - 1).startsWith("-")) {
            return Optional.empty();
        }
        int end = head >= 2 && argv.get(head - 2).equals("-jar") ? head - 2 : head - 1;
        List<String> options = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            String option = argv.get(i);
            if (option.startsWith("@") || OTHER_LAUNCH.contains(option) || option.startsWith("--module=")) {
                return Optional.empty();
            }
            if (CLASS_PATH.contains(option)) {
                i++;
            } else if (!option.startsWith("--class-path=")) {
                options.add(option);
            }
        }
        return Optional.of(List.copyOf(options));
    }

    /** Whether the work goes to a worker JVM (see the class comment for when it does not). */
    static boolean relaunches(String[] args, Map<String, String> env, List<String> jvmArguments, boolean isWorker,
                              Optional<String> java, String classPath) {
        return !(isWorker || "false".equalsIgnoreCase(env.get("MIGRATOR_RELAUNCH")) || env.containsKey("JAVA_TOOL_OPTIONS")
                || java.isEmpty() || classPath == null || quick(args)
                || jvmArguments.stream().anyMatch(a -> CHOSEN.stream().anyMatch(a::startsWith)));
    }

    /** The worker's command line, mapping or dumping a class-data archive ({@link ClassArchive#options}) when those are given. */
    static List<String> command(String java, List<String> jvmArguments, String classPath, String[] args, List<String> archiveOptions) {
        List<String> command = jvm(java, jvmArguments, archiveOptions);
        command.add("-D" + MARKER + "=" + ProcessHandle.current().pid());
        command.addAll(List.of("-cp", classPath, Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** A worker's JVM with its options: the archive's logging, the operator's own, migrator's, the archive's. */
    private static List<String> jvm(String java, List<String> jvmArguments, List<String> archiveOptions) {
        List<String> command = new ArrayList<>();
        command.add(java);
        if (!archiveOptions.isEmpty()) {
            command.addAll(ClassArchive.LOGGING); // before the operator's own, which win
        }
        command.addAll(jvmArguments);
        command.addAll(OPTIONS);
        command.addAll(archiveOptions);
        return command;
    }

    /**
     * Keeps what the worker recorded for the archive (on JDK 25 and later the cache is built now, a few seconds): a Ctrl-C
     * meanwhile stops the build, its temporary files are deleted, and this JVM still exits with the worker's code (the
     * run itself ended; a signal's 130 or 143 would say it had not).
     */
    private static void keep(ClassArchive archive, int code, ClassArchive.Assembler assembler) {
        try (CtrlC guard = CtrlC.guard()) {
            guard.exit(code);
            archive.keep(code, assembler);
        } catch (IllegalStateException shuttingDown) {
            // a signal came just before the guard: the JVM exits as it was going to, the next run records again
        }
    }

    /**
     * Has the JVM build the worker's AOT cache ({@link ClassArchive}) with the worker's own options, its output discarded;
     * a Ctrl-C meanwhile interrupts the wait ({@link #keep}) and stops it. True when it ended well.
     */
    private static boolean assemble(String java, List<String> jvmArguments, String classPath, List<String> archiveOptions) {
        List<String> withLogging = new ArrayList<>(List.of(ClassArchive.AOT_LOGGING));
        withLogging.addAll(archiveOptions);
        List<String> command = jvm(java, jvmArguments, withLogging);
        command.addAll(List.of("-cp", classPath));
        System.err.println("migrator: building the class cache later runs start from (once per jar and JVM, a few seconds)");
        try {
            Process builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                return builder.waitFor(5, TimeUnit.MINUTES) && builder.exitValue() == 0;
            } finally {
                builder.destroyForcibly();
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * In the worker: when the launching JVM is killed (SIGKILL cannot be forwarded), the worker stops at once as
     * if killed with it, so a crash stays a crash (checkpoints, the lock released) and no orphan keeps writing.
     */
    static void dieWithLauncher() {
        String launcher = System.getProperty(MARKER);
        if (launcher == null || !launcher.chars().allMatch(Character::isDigit)) {
            return;
        }
        ProcessHandle.of(Long.parseLong(launcher)).ifPresentOrElse(
                p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(LAUNCHER_GONE)),
                () -> Runtime.getRuntime().halt(LAUNCHER_GONE));
    }

    private static boolean quick(String[] args) {
        if (args.length == 0) {
            return true;
        }
        String first = args[0];
        return QUICK.contains(first) || first.startsWith("-") || List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    /**
     * This JVM is going down on a signal: pass Ctrl-C on (SIGINT; then SIGTERM, which a worker started with SIGINT
     * ignored still answers), give the worker time to write its report, and exit with its code.
     */
    private static void stop(Process worker) {
        try {
            signal(worker, "-INT");
            if (!worker.waitFor(5, TimeUnit.SECONDS)) {
                signal(worker, "-TERM");
            }
            boolean ended = worker.waitFor(CtrlC.GRACE_SECONDS, TimeUnit.SECONDS);
            Runtime.getRuntime().halt(ended ? worker.exitValue() : ExitCode.INTERRUPTED);
        } catch (InterruptedException e) {
            Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
        }
    }

    private static void signal(Process worker, String signal) throws InterruptedException {
        if (!worker.isAlive()) {
            return;
        }
        try {
            if (new ProcessBuilder("kill", signal, String.valueOf(worker.pid())).start().waitFor() != 0) {
                worker.destroy();
            }
        } catch (IOException e) {
            worker.destroy();
        }
    }
}
