package dev.migrator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Thread-safe counts of what a verifier found, keeping the first few examples of each kind. */
public final class MismatchLog {
    private static final int EXAMPLES_PER_KIND = 10;

    public final AtomicLong sourceCount = new AtomicLong();
    public final AtomicLong targetCount = new AtomicLong();
    public final AtomicLong checked = new AtomicLong();
    public final AtomicLong matched = new AtomicLong();
    public final AtomicLong notCopyable = new AtomicLong();
    private final AtomicLong missing = new AtomicLong();
    private final AtomicLong extra = new AtomicLong();
    private final AtomicLong different = new AtomicLong();
    private final List<String> examples = new ArrayList<>();
    private int missingShown;
    private int extraShown;
    private int differentShown;
    private final ProgressListener progress;
    private final StepId step;

    /** A log that tells {@code progress} how many units it has checked (every 256) as it goes. */
    public MismatchLog(ProgressListener progress, StepId step) {
        this.progress = progress;
        this.step = step;
        progress.verifying(step);
    }

    /** One more source unit compared with the target. */
    public void checkedOne() {
        long done = checked.incrementAndGet();
        if ((done & 255) == 0) {
            progress.advanced(step, done, missing.get() + extra.get() + different.get());
        }
    }

    public synchronized void missing(String what) {
        missing.incrementAndGet();
        if (missingShown++ < EXAMPLES_PER_KIND) {
            examples.add("missing: " + what);
        }
    }

    public synchronized void extra(String what) {
        extra.incrementAndGet();
        if (extraShown++ < EXAMPLES_PER_KIND) {
            examples.add("extra: " + what);
        }
    }

    /** A unit that differs; {@code what} names it and why (attribute names and types, never values). */
    public synchronized void different(String what) {
        different.incrementAndGet();
        if (differentShown++ < EXAMPLES_PER_KIND) {
            examples.add("different: " + what);
        }
    }

    /**
     * Outcomes of a digest comparison counted into this log: {@code describe} says how an expected unit's detail
     * differs from the actual one's (names and types, never values); {@code unit} names the kind ("item", "user").
     */
    public dev.migrator.support.digest.DigestSpill.Outcomes outcomes(Describer describe, String unit) {
        return new dev.migrator.support.digest.DigestSpill.Outcomes() {
            @Override
            public void matched(String key) {
                MismatchLog.this.matched.incrementAndGet();
            }

            @Override
            public void missing(String key) {
                MismatchLog.this.missing(key);
            }

            @Override
            public void extra(String key) {
                MismatchLog.this.extra(key);
            }

            @Override
            public void different(String key, byte[] expected, byte[] actual) {
                MismatchLog.this.different(key + ": " + describe.describe(expected, actual));
            }

            @Override
            public void duplicate(String key) {
                MismatchLog.this.different(key + ": more than one source " + unit + " becomes this " + unit);
            }
        };
    }

    /** How two units' details differ, for a report. */
    public interface Describer {
        String describe(byte[] expected, byte[] actual);
    }

    /** Missing, extra and different units so far. */
    public long mismatchCount() {
        return missing.get() + extra.get() + different.get();
    }

    public synchronized Verification result(StepId step, double sampleRate, long startedNanos, String note) {
        return new Verification(step, sourceCount.get(), targetCount.get(), checked.get(), matched.get(), missing.get(), extra.get(),
                different.get(), notCopyable.get(), examples, sampleRate,
                java.time.Duration.ofNanos(System.nanoTime() - startedNanos), note);
    }
}
