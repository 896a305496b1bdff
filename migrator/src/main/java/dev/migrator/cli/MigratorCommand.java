package dev.migrator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "migrator",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Moves S3 objects, DynamoDB items and Cognito users from Stack A to Stack B during an A/B deployment,",
            "driven by a MigrationSchema file. 'migrator FILE' is short for 'migrator run FILE'.", ""},
        subcommands = {ValidateCommand.class, PlanCommand.class, RunCommand.class, SyncCommand.class, StatusCommand.class, BackupCommand.class, VerifyCommand.class, ReplayCommand.class, TemplatesCommand.class,
                DemoCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Start with: migrator templates; migrator templates copy NAME; migrator validate FILE; migrator plan FILE",
                "", ExitCode.HELP})
final class MigratorCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.INVALID_INPUT;
    }
}
