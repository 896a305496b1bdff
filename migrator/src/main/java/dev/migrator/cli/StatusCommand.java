package dev.migrator.cli;

import dev.migrator.run.Gate;
import dev.migrator.run.MigrationService;
import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"The go/no-go gate before switching to Stack B, from the state this file's runs left (no AWS call).",
            "GO only when every step's copy completed, no dead letters are pending, every table that follows its stream caught up "
                + "in a sync after the copy, and a full verification after the last write found every unit equal; otherwise "
                + "NO-GO with a reason per step. Verify after writes to Stack A are frozen: the gate cannot see Stack A's traffic."},
        footer = {"", "Exit codes: 0 GO, 9 NO-GO, 2 invalid schema.", "Pipelines: migrator status FILE --json (one object: verdict, reasons, steps)."})
final class StatusCommand extends StateCommand {
    @Override
    public Integer call() throws Exception {
        Output out = output();
        MigrationService.GateOutcome outcome = service().status(file, state.stateRoot);
        if (outcome instanceof MigrationService.GateOutcome.Invalid invalid) {
            return out.invalid(file, invalid.load());
        }
        Gate.Answer answer = ((MigrationService.GateOutcome.Checked) outcome).answer();
        if (common.json) {
            out.json(answer);
        } else {
            for (Gate.StepState s : answer.steps()) {
                out.line(s.step() + ": copy " + s.copy() + "; dead letters " + s.deadLetters() + "; catch-up " + s.catchUp()
                        + "; " + s.verification());
            }
            out.line(answer.go() ? "GO: every step copied, caught up and verified equal after the last write"
                    : "NO-GO: " + String.join("; ", answer.reasons()));
        }
        return answer.go() ? ExitCode.OK : ExitCode.NO_GO;
    }
}
