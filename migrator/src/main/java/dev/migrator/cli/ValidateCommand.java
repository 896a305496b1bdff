package dev.migrator.cli;

import dev.migrator.aws.EndpointResolver;
import dev.migrator.run.MigrationService;
import dev.migrator.schema.LoadResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a schema file; reports every problem at once. No AWS request.",
            "Each problem names the file, line:column, JSON pointer and a fix."},
        footer = {"", "Exit codes: 0 valid (warnings may be printed), 2 invalid."})
final class ValidateCommand extends SchemaFileCommand {
    @Override
    public Integer call() throws Exception {
        LoadResult result = service().validate(file);
        Output out = output();
        if (common.json) {
            out.json(ValidationJson.of(file, result));
        } else {
            out.problems(result.problems());
            if (result instanceof LoadResult.Valid valid) {
                out.line(file + ": valid " + valid.schema().format().name() + " schema '" + valid.schema().name() + "': "
                        + valid.schema().buckets().size() + " bucket(s), " + valid.schema().tables().size() + " table(s), "
                        + valid.schema().userPools().size() + " user pool(s)");
            }
        }
        return result instanceof LoadResult.Valid ? ExitCode.OK : ExitCode.INVALID_INPUT;
    }
}
