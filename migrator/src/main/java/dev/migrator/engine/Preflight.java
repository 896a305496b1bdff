package dev.migrator.engine;

import dev.migrator.support.AwsErrors;

import java.util.List;

/** The read-only look a step takes before the run: both resources and every finding. */
public record Preflight(StepId step, List<ResourceState> resources, List<Finding> findings) {

    public Preflight {
        resources = List.copyOf(resources);
        findings = List.copyOf(findings);
    }

    public boolean blocksRun() {
        return findings.stream().anyMatch(Finding::isError);
    }

    private static final String NOT_CHECKED = "not checked: ";

    /**
     * A step not preflighted because its stack cannot be used at all ({@code why} names stack, service and
     * cause, reported once for the stack); blocks the run like any error.
     */
    public static Preflight notChecked(StepId step, String why) {
        return new Preflight(step, List.of(), List.of(Finding.error(NOT_CHECKED + why, "see the stack's problem and its fix above")));
    }

    /** Why this step was not checked, when its stack could not be used ({@link #notChecked}). */
    public java.util.Optional<String> notCheckedReason() {
        return resources.isEmpty() && findings.size() == 1 && findings.get(0).message().startsWith(NOT_CHECKED)
                ? java.util.Optional.of(findings.get(0).message().substring(NOT_CHECKED.length())) : java.util.Optional.empty();
    }

    /** A preflight that could not talk to AWS at all. */
    public static Preflight unreachable(StepId step, String what, Exception e) {
        return new Preflight(step, List.of(), List.of(Finding.error(
                "could not read " + what + ": " + AwsErrors.describe(e),
                "check credentials, region and endpoint of that stack; run with --verbose for the stack trace")));
    }
}
