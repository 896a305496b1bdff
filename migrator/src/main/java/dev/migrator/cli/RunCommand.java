package dev.migrator.cli;

import dev.migrator.aws.EndpointResolver;
import dev.migrator.engine.ProgressListener;
import dev.migrator.engine.StepResult;
import dev.migrator.run.MigrationService;
import dev.migrator.run.RunOutcome;
import dev.migrator.run.RunReport;
import dev.migrator.run.Verdict;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the migration (also: migrator FILE).",
            "Validates the file, preflights every step (nothing is written if any preflight fails), executes the steps",
            "verifies source against target, and writes a report (JSON and HTML) into the state directory."},
        footer = {"", ExitCode.HELP})
final class RunCommand extends StateCommand {
    @Option(names = "--resume", description = "Continue the interrupted run of this same file from its checkpoints "
            + "(refused, with the reason, if the file changed since).")
    boolean resume;

    @CommandLine.Mixin
    ShardOption sharding;

    @Option(names = "--no-verify", description = "Skip the verification that follows the copy (verify later with 'migrator verify').")
    boolean noVerify;

    @Override
    public Integer call() throws Exception {
        Output out = output();
        dev.migrator.engine.Shard shard;
        try {
            shard = sharding.resolve(System::getenv);
        } catch (IllegalArgumentException e) {
            out.error("invalid input: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        ProgressListener progress = progress(out);
        try (CtrlC guard = CtrlC.guard()) {
            RunOutcome outcome = service()
                    .run(file, new MigrationService.RunSettings(state.stateRoot, progress, !noVerify && shard.whole(), 1.0, resume, shard));
            int code = finish(out, common, file, state, outcome, "run");
            if (!shard.whole() && !common.json && code == ExitCode.OK) {
                out.line(shard + " done. Once every shard is: java -jar migrator.jar verify " + file
                        + ", then java -jar migrator.jar status " + file + " (it combines the shards)");
            }
            return guard.exit(code);
        }
    }

    /** Prints how a run, verification or replay ended, with where its report is, and returns the exit code. */
    static int finish(Output out, CommonOptions common, Path file, StateDirOption state, RunOutcome outcome, String what)
            throws com.fasterxml.jackson.core.JsonProcessingException {
        if (outcome instanceof RunOutcome.Invalid invalid) {
            return out.invalid(file, invalid.load());
        }
        if (outcome instanceof RunOutcome.NoEarlierRun none) {
            out.error("cannot " + ("run".equals(what) ? "resume" : what) + ": " + none.reason());
            return ExitCode.INVALID_INPUT;
        }
        if (outcome instanceof RunOutcome.Locked locked) {
            out.error("refused: " + locked.reason());
            return ExitCode.LOCKED;
        }
        RunOutcome.Reported reported = (RunOutcome.Reported) outcome;
        RunReport report = reported.report();
        if (common.json) {
            out.json(report);
            return exitCode(report.status());
        }
        if (report.status() == RunReport.Status.REFUSED) {
            new PlanPrinter(out).print(reported.schema(), report.stacks(), report.preflights());
        }
        String resume = "java -jar migrator.jar run " + file + (state.stateRoot == null ? "" : " --state-dir " + state.stateRoot)
                + " --resume";
        if (report.status() == RunReport.Status.INTERRUPTED) {
            out.line("interrupted (Ctrl-C): " + report.results().stream().filter(r -> r instanceof StepResult.Completed).count()
                    + " of " + report.preflights().size() + " steps finished" + ("run".equals(what)
                    ? "; checkpoints are kept in " + new dev.migrator.support.RunLayout(reported.directory()).checkpoints().directory() + "; continue with: " + resume
                    : "; nothing is proven: run '" + what + "' again"));
        } else if (report.status() == RunReport.Status.REFUSED && "run".equals(what) && hasCheckpoints(reported.directory())) {
            out.line("an interrupted run of this file left checkpoints in " + new dev.migrator.support.RunLayout(reported.directory()).checkpoints().directory()
                    + ": continue it with: " + resume);
        }
        if (!"backup".equals(what)) {
            out.line(Verdict.of(report).text());
        }
        Path json = reported.reportFile().toAbsolutePath();
        out.line(what + " " + report.status() + "; report: " + json.resolveSibling(json.getFileName().toString()
                .replaceFirst("\\.json$", ".html")) + " (JSON: " + json + ")");
        out.line("    the newest report is always " + reported.directory().toAbsolutePath()
                .resolve(json.getFileName().toString().replaceFirst("^[0-9T.Z]+-", "")));
        return exitCode(report.status());
    }

    private static boolean hasCheckpoints(Path directory) {
        return new dev.migrator.run.RunDirectory(directory).hasCheckpoints();
    }

    static int exitCode(RunReport.Status status) {
        return switch (status) {
            case COMPLETED -> ExitCode.OK;
            case COMPLETED_WITH_FAILURES -> ExitCode.ITEMS_FAILED;
            case MISMATCH -> ExitCode.VERIFICATION_MISMATCH;
            case NOT_VERIFIED -> ExitCode.NOT_VERIFIED;
            case INCOMPLETE -> ExitCode.INCOMPLETE;
            case REFUSED -> ExitCode.PREFLIGHT_REFUSED;
            case INTERRUPTED -> ExitCode.INTERRUPTED;
        };
    }
}
