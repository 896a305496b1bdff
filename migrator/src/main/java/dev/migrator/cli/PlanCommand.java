package dev.migrator.cli;

import dev.migrator.aws.EndpointResolver;
import dev.migrator.run.MigrationService;
import dev.migrator.run.PlanOutcome;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Shows what a run would do, reading only; writes nothing.",
            "Every resource of both stacks, whether it exists and is empty, counts where cheap, every preflight finding."},
        footer = {"", "Exit codes: 0 the run may start, 2 invalid schema, 3 preflight would refuse the run."})
final class PlanCommand extends SchemaFileCommand {
    @CommandLine.Option(names = "--sample", paramLabel = "N", defaultValue = "0",
            description = "Also show N items of each table before and after its transforms (DynamoDB JSON).")
    int sample;

    @Override
    public Integer call() throws Exception {
        Output out = output();
        PlanOutcome outcome = service().plan(file, sample);
        if (outcome instanceof PlanOutcome.Invalid invalid) {
            return out.invalid(file, invalid.load());
        }
        PlanOutcome.Planned planned = (PlanOutcome.Planned) outcome;
        if (common.json) {
            out.json(planned);
        } else {
            out.problems(planned.warnings());
            new PlanPrinter(out).print(planned.schema(), planned.stacks(), planned.preflights());
            new PlanPrinter(out).printSamples(planned.samples());
            out.line(planned.blocksRun() ? "plan: the run would be REFUSED (fix the errors above)"
                    : "plan: ready to run (migrator run " + file + ")");
        }
        return planned.blocksRun() ? ExitCode.PREFLIGHT_REFUSED : ExitCode.OK;
    }
}
