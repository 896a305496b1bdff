package dev.migrator.cli;

import dev.migrator.run.MigrationService;

@picocli.CommandLine.Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Backs up every source table of the file on demand (CreateBackup): Stack A's rollback point before the switch.",
            "Run it after the freeze and the last sync; the report names each backup's ARN. Nothing is written to Stack B. "
                + "Target tables are backed up by the run itself where a pair sets \"backupBeforeWrite\"."},
        footer = {"", ExitCode.HELP})
final class BackupCommand extends StateCommand {
    @Override
    public Integer call() throws Exception {
        Output out = output();
        try (CtrlC guard = CtrlC.guard()) {
            return guard.exit(RunCommand.finish(out, common, file, state, service().backup(file,
                    new MigrationService.RunSettings(state.stateRoot, progress(out), false, 1.0, false)), "backup"));
        }
    }
}
