package dev.migrator.plan;

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

    public synchronized void different(String what) {
        different.incrementAndGet();
        if (differentShown++ < EXAMPLES_PER_KIND) {
            examples.add("different: " + what);
        }
    }

    public synchronized Verification result(StepId step, double sampleRate, long startedNanos, String note) {
        return new Verification(step, sourceCount.get(), targetCount.get(), checked.get(), matched.get(), missing.get(), extra.get(),
                different.get(), notCopyable.get(), examples, sampleRate,
                java.time.Duration.ofNanos(System.nanoTime() - startedNanos), note);
    }
}
