package dev.migrator.cli;

import dev.migrator.aws.EndpointResolver;
import dev.migrator.engine.ProgressListener;
import dev.migrator.run.MigrationService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Compares source and target without writing anything (run does this at its end too).",
            "Tables: every source item, transformed as the run would, and every target item hashed canonically and",
            "summed per key range on each side (flat memory, one read per item); differing ranges are read again to",
            "name items. Buckets: keys, sizes, ETags, headers, metadata, tags (and version histories). User pools:",
            "usernames, attributes, enabled flag, groups. Missing, extra and different units are counted and the",
            "first ones named."},
        footer = {"", ExitCode.HELP})
final class VerifyCommand extends StateCommand {
    @Option(names = "--sample", paramLabel = "RATE", defaultValue = "1",
            description = "Share of the source to check, 0 < RATE <= 1, chosen by key hash (default: everything). "
                    + "A sample does not count extra target units.")
    double sampleRate;

    @Override
    public Integer call() throws Exception {
        Output out = output();
        if (!(sampleRate > 0 && sampleRate <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sample must be above 0 and at most 1, not " + sampleRate);
        }
        ProgressListener progress = progress(out);
        try (CtrlC guard = CtrlC.guard()) {
            return guard.exit(RunCommand.finish(out, common, file, state, service()
                    .verify(file, new MigrationService.RunSettings(state.stateRoot, progress, true, sampleRate, false)), "verify"));
        }
    }
}
