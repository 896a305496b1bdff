package dev.migrator.plan;

import java.time.Duration;
import java.util.List;

/**
 * What verification found for one step: source units checked against the target, and the target's
 * units nobody asked for. {@code examples} names the first missing, extra and different ones.
 * {@code notCopyable} counts source units the run could not copy by design (a transform fails, a
 * federated user); they are in the dead letters or the report, not mismatches.
 */
public record Verification(StepId step, long sourceCount, long targetCount, long checked, long matched, long missing,
                           long extra, long different, long notCopyable, List<String> examples, double sampleRate,
                           Duration duration, String note) {

    public Verification {
        examples = List.copyOf(examples);
    }

    public long mismatches() {
        return missing + extra + different;
    }

    public boolean ok() {
        return mismatches() == 0;
    }

    public static Verification notVerified(StepId step, String why) {
        return new Verification(step, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), 0, Duration.ZERO, why);
    }
}
