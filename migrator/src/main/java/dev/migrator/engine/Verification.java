package dev.migrator.engine;

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
                           Duration duration, String note, boolean finished) {

    /**
     * What a verification proves. VERIFIED: every compared unit matched. MISMATCH: some unit is missing,
     * extra or different (whatever else happened). NOT_VERIFIED: a side could not be read to the end, so
     * nothing is proven either way.
     */
    public enum Verdict { VERIFIED, MISMATCH, NOT_VERIFIED }

    public Verification {
        examples = List.copyOf(examples);
    }

    /** A verification that ran to its end. */
    public Verification(StepId step, long sourceCount, long targetCount, long checked, long matched, long missing, long extra,
                        long different, long notCopyable, List<String> examples, double sampleRate, Duration duration, String note) {
        this(step, sourceCount, targetCount, checked, matched, missing, extra, different, notCopyable, examples, sampleRate,
                duration, note, true);
    }

    public Verdict verdict() {
        if (mismatches() > 0) {
            return Verdict.MISMATCH;
        }
        return finished ? Verdict.VERIFIED : Verdict.NOT_VERIFIED;
    }

    public boolean sampled() {
        return sampleRate < 1;
    }

    public long mismatches() {
        return missing + extra + different;
    }

    /** Proven equal: ran to its end and found no mismatch. */
    public boolean ok() {
        return verdict() == Verdict.VERIFIED;
    }

    /** A verification that could not finish (a side unreadable, interrupted); {@code why} says what stopped it. */
    public static Verification notVerified(StepId step, String why) {
        return new Verification(step, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), 0, Duration.ZERO, why, false);
    }
}
