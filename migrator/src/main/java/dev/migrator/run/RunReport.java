package dev.migrator.run;

import dev.migrator.model.MigrationSchema;
import dev.migrator.engine.Preflight;
import dev.migrator.engine.StepResult;
import dev.migrator.engine.Verification;
import java.time.Instant;
import java.util.List;

/** Everything a run did, for the terminal and for the report file. */
public record RunReport(
        String schemaName,
        String schemaFile,
        String format,
        Instant startedAt,
        Instant finishedAt,
        Status status,
        List<dev.migrator.aws.StackAccess> stacks,
        List<Preflight> preflights,
        List<StepResult> results,
        List<Verification> verifications) {

    public enum Status {
        /** Every step completed; nothing failed. */
        COMPLETED,
        /** Every step ran; some units failed and were dead-lettered. */
        COMPLETED_WITH_FAILURES,
        /** Every step ran, but verification found missing, extra or different units. */
        MISMATCH,
        /** Verification could not read a side (or preflight found errors it could not get past): nothing is proven. */
        NOT_VERIFIED,
        /** Stopped by the operator (Ctrl-C); checkpoints are kept for --resume. */
        INTERRUPTED,
        /** At least one step stopped early or could not run. */
        INCOMPLETE,
        /** Preflight found errors; nothing was written. */
        REFUSED
    }

    public RunReport {
        stacks = List.copyOf(stacks);
        preflights = List.copyOf(preflights);
        results = List.copyOf(results);
        verifications = List.copyOf(verifications);
    }

    /** This report with what the stacks looked like (region, endpoints, credentials source, account, problems). */
    RunReport withStacks(List<dev.migrator.aws.StackAccess> checked) {
        return new RunReport(schemaName, schemaFile, format, startedAt, finishedAt, status, checked, preflights, results,
                verifications);
    }

    static RunReport refused(MigrationSchema schema, Instant started, List<Preflight> preflights) {
        return new RunReport(schema.name(), schema.file().toString(), schema.format().name(), started, Instant.now(),
                Status.REFUSED, List.of(), preflights, List.of(), List.of());
    }

    static RunReport interrupted(MigrationSchema schema, Instant started, List<Preflight> preflights, List<StepResult> results) {
        return new RunReport(schema.name(), schema.file().toString(), schema.format().name(), started, Instant.now(),
                Status.INTERRUPTED, List.of(), preflights, results, List.of());
    }

    static RunReport finished(MigrationSchema schema, Instant started, List<Preflight> preflights, List<StepResult> results,
                              List<Verification> verifications) {
        return new RunReport(schema.name(), schema.file().toString(), schema.format().name(), started, Instant.now(),
                statusOf(preflights, results, verifications), List.of(), preflights, results, verifications);
    }

    private static Status statusOf(List<Preflight> preflights, List<StepResult> results, List<Verification> verifications) {
        if (results.stream().anyMatch(r -> !(r instanceof StepResult.Completed))) {
            return Status.INCOMPLETE;
        }
        if (verifications.stream().anyMatch(v -> v.verdict() == Verification.Verdict.MISMATCH)) {
            return Status.MISMATCH;
        }
        if (verifications.stream().anyMatch(v -> v.verdict() == Verification.Verdict.NOT_VERIFIED)
                || preflights.stream().anyMatch(Preflight::blocksRun)) {
            return Status.NOT_VERIFIED;
        }
        boolean failures = results.stream().anyMatch(r -> ((StepResult.Completed) r).hasFailures());
        return failures ? Status.COMPLETED_WITH_FAILURES : Status.COMPLETED;
    }
}
