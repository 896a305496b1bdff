package dev.migrator.cli;

import dev.migrator.run.MigrationService;
import dev.migrator.run.RunOutcome;
import dev.migrator.run.RunReport;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Catches up with writes made to Stack A since the copy began, while A keeps serving.",
            "For each table pair with \"catchUp\": \"stream\", replays the source's DynamoDB stream from the position its copy "
                + "recorded (parents before children shards, each key's records in order, through the pair's transforms): "
                + "INSERT and MODIFY put the new image, REMOVE deletes. Pass after pass until Ctrl-C (the position is "
                + "recorded after every page, so the next sync goes on from there), or with --until-caught-up until a pass "
                + "finds nothing more. Prints per table what each pass applied and how old the newest applied change is."},
        footer = {"", "Cut-over: run, then sync while A serves; freeze writes to A; sync --until-caught-up; verify; switch.",
                "", ExitCode.HELP})
final class SyncCommand extends StateCommand {
    @Option(names = "--until-caught-up", description = "Stop once a pass finds no more changes in any stream (for pipelines, after writes to A stopped).")
    boolean untilCaughtUp;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1",
            description = "Pause between passes (default: ${DEFAULT-VALUE} s).")
    double intervalSeconds;

    @Override
    public Integer call() throws Exception {
        Output out = output();
        if (!(intervalSeconds >= 0 && intervalSeconds <= 3600)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--interval must be between 0 and 3600 seconds, not " + intervalSeconds);
        }
        try (CtrlC guard = CtrlC.guard()) {
            RunOutcome outcome = service().sync(file, new MigrationService.SyncSettings(state.stateRoot, progress(out), untilCaughtUp,
                    Duration.ofMillis((long) (intervalSeconds * 1000))));
            if (!common.json && outcome instanceof RunOutcome.Reported reported && reported.report().results().isEmpty()
                    && reported.report().status() != RunReport.Status.REFUSED) {
                out.line("nothing to sync: no pair of " + file + " has \"catchUp\" (\"stream\" for tables, \"delta\" for buckets "
                        + "and user pools)");
            }
            return guard.exit(RunCommand.finish(out, common, file, state, outcome, "sync"));
        }
    }
}
