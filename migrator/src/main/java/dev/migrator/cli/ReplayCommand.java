package dev.migrator.cli;

import dev.migrator.aws.EndpointResolver;
import dev.migrator.engine.ProgressListener;
import dev.migrator.run.MigrationService;
import dev.migrator.run.RunOutcome;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Tries the dead letters of an earlier run again, then verifies.",
            "Tables: items that failed to write are written again; items that failed their transform are transformed again "
                + "(with the file's transforms and the maps as they are now) and written. Buckets: objects are copied again "
                + "(versions in order). User pools: users are imported again.",
            "What fails again replaces the dead-letter file (atomically); the old file is kept under dead-letters/replayed/. "
                + "Replaying twice is harmless."},
        footer = {"", "After editing the file (say, to fix a transform), point at the earlier run's state with --run-dir.",
                "", ExitCode.HELP})
final class ReplayCommand extends StateCommand {
    @Option(names = "--run-dir", paramLabel = "DIR",
            description = "The state directory of the run whose dead letters to replay (migration-state/<name>-<hash>); "
                    + "needed when FILE changed since that run.")
    Path runDirectory;

    @Option(names = "--no-verify", description = "Skip the verification that follows the replay.")
    boolean noVerify;

    @Override
    public Integer call() throws Exception {
        Output out = output();
        ProgressListener progress = progress(out);
        try (CtrlC guard = CtrlC.guard()) {
            RunOutcome outcome = service().replay(file,
                    new MigrationService.ReplaySettings(state.stateRoot, Optional.ofNullable(runDirectory), progress, !noVerify));
            if (!common.json && outcome instanceof RunOutcome.Reported reported && reported.report().results().isEmpty()
                    && reported.report().status() != dev.migrator.run.RunReport.Status.REFUSED) {
                out.line("nothing to replay: no dead letters in " + new dev.migrator.support.RunLayout(reported.directory().toAbsolutePath()).deadLetterDirectory());
            }
            return guard.exit(RunCommand.finish(out, common, file, state, outcome, "replay"));
        }
    }
}
