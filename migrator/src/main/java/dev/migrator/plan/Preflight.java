package dev.migrator.plan;

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

    /** A preflight that could not talk to AWS at all. */
    public static Preflight unreachable(StepId step, String what, Exception e) {
        return new Preflight(step, List.of(), List.of(Finding.error(
                "could not read " + what + ": " + AwsErrors.describe(e),
                "check credentials, region and endpoint of that stack; run with --verbose for the stack trace")));
    }
}
