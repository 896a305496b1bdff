package dev.migrator.run;

import dev.migrator.engine.Preflight;
import dev.migrator.engine.StepResult;
import dev.migrator.engine.Verification;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-second reading of a report: GO only when every step completed and every verification proved
 * its pair equal; otherwise NO-GO with the reasons, each naming its step.
 */
public record Verdict(boolean go, String headline, List<String> reasons) {

    public Verdict {
        reasons = List.copyOf(reasons);
    }

    public static Verdict of(RunReport report) {
        java.util.Set<String> reasons = new java.util.LinkedHashSet<>();
        for (dev.migrator.aws.StackAccess stack : report.stacks()) {
            for (dev.migrator.aws.StackAccess.Problem p : stack.problems()) {
                reasons.add(stack.label() + " " + p.serviceNames() + ": " + p.message() + " (fix: " + p.fix() + ")");
            }
        }
        // a step whose stack could not be used is covered by that stack's line above
        java.util.Set<dev.migrator.engine.StepId> notChecked = new java.util.HashSet<>();
        for (Preflight p : report.preflights()) {
            if (p.notCheckedReason().isPresent()) {
                notChecked.add(p.step());
                continue;
            }
            p.findings().stream().filter(f -> f.isError()).forEach(f -> reasons.add(p.step() + ": " + f.message()));
        }
        for (StepResult r : report.results()) {
            if (r instanceof StepResult.Failed f) {
                reasons.add(r.step() + ": stopped early: " + f.reason());
            } else if (r instanceof StepResult.NotRun n) {
                reasons.add(r.step() + ": not run: " + n.reason());
            } else if (((StepResult.Completed) r).hasFailures()) {
                reasons.add(r.step() + ": " + ((StepResult.Completed) r).counters().failed() + " failed (in the dead letters)");
            }
        }
        for (Verification v : report.verifications()) {
            switch (v.verdict()) {
                case MISMATCH -> reasons.add(v.step() + ": " + v.missing() + " missing, " + v.extra() + " extra, "
                        + v.different() + " different");
                case NOT_VERIFIED -> {
                    if (!notChecked.contains(v.step())) {
                        reasons.add(v.step() + ": could not be checked: " + v.note());
                    }
                }
                default -> { }
            }
        }
        boolean go = report.status() == RunReport.Status.COMPLETED && !report.verifications().isEmpty()
                && report.verifications().stream().allMatch(v -> v.ok() && !v.sampled());
        return new Verdict(go, headline(report, go), new ArrayList<>(reasons));
    }

    private static String headline(RunReport report, boolean go) {
        if (go) {
            return "GO: " + report.verifications().size() + " of " + report.verifications().size() + " pairs verified equal";
        }
        return switch (report.status()) {
            case COMPLETED -> report.verifications().isEmpty()
                    ? "NO-GO (not verified): the copy completed, but nothing was verified; run 'migrator verify FILE'"
                    : "NO-GO: a verification was sampled or partial";
            case COMPLETED_WITH_FAILURES -> "NO-GO: some units failed and are in the dead letters; 'migrator replay FILE' tries them again";
            case MISMATCH -> "NO-GO: MISMATCH between source and target";
            case NOT_VERIFIED -> "NO-GO: NOT VERIFIED, a side could not be read to the end; nothing is proven either way";
            case INCOMPLETE -> "NO-GO: INCOMPLETE, a step stopped early or did not run";
            case REFUSED -> "NO-GO: REFUSED by preflight; nothing was written";
            case INTERRUPTED -> "NO-GO: INTERRUPTED; continue with --resume";
        };
    }

    /** The headline and, indented, each reason: what the terminal prints at the end of a command. */
    public String text() {
        StringBuilder text = new StringBuilder(headline);
        reasons.forEach(r -> text.append("\n    ").append(r));
        return text.toString();
    }
}
