package dev.migrator.cli;

import dev.migrator.model.ByteSize;
import dev.migrator.engine.ProgressListener;
import dev.migrator.engine.StepId;
import dev.migrator.engine.StepResult;
import dev.migrator.engine.Verification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Progress on the terminal: a line per step every few seconds (rate, ETA), and one when it ends. */
final class ConsoleProgress implements ProgressListener {
    private static final long EVERY_NANOS = 2_000_000_000L;

    private final Output out;
    private final Map<StepId, Tracker> trackers = new ConcurrentHashMap<>();
    private final Map<StepId, Boolean> following = new ConcurrentHashMap<>();

    ConsoleProgress(Output out) {
        this.out = out;
    }

    private static final class Tracker {
        final long started = System.nanoTime();
        final long expected;
        final String unit;
        long lastPrinted = System.nanoTime();
        volatile long bytes = -1;
        boolean verifying;

        Tracker(long expected, String unit) {
            this.expected = expected;
            this.unit = unit;
        }
    }

    @Override
    public void started(StepId step, long expectedUnits, String unitName) {
        trackers.put(step, new Tracker(expectedUnits, unitName));
        out.line(step + " started (" + (expectedUnits < 0 ? "listing as it goes" : "about " + expectedUnits + " " + unitName) + ")");
    }

    @Override
    public void transferred(StepId step, long bytes) {
        Tracker t = trackers.get(step);
        if (t != null) {
            t.bytes = bytes;
        }
    }

    @Override
    public void advanced(StepId step, long doneUnits, long failedUnits) {
        Tracker t = trackers.get(step);
        if (t == null) {
            return;
        }
        long now = System.nanoTime();
        synchronized (t) {
            if (now - t.lastPrinted < EVERY_NANOS) {
                return;
            }
            t.lastPrinted = now;
        }
        double seconds = (now - t.started) / 1e9;
        double rate = doneUnits / Math.max(seconds, 1e-3);
        String eta = t.expected > doneUnits && rate > 0 ? ", ETA " + Math.round((t.expected - doneUnits) / rate) + " s" : "";
        String bytes = t.bytes < 0 ? "" : ", " + ByteSize.format(t.bytes) + " at " + ByteSize.format((long) (t.bytes / Math.max(seconds, 1e-3))) + "/s";
        String of = t.expected < 0 ? "" : String.format("/%,d", t.expected);
        String prefix = t.verifying ? "verify " : "";
        out.line(String.format("%s%s %,d%s %s (%,.0f %s/s%s%s), %d %s", prefix, step, doneUnits, of, t.unit, rate, t.unit,
                bytes, eta, failedUnits, t.verifying ? "mismatched" : "failed"));
    }

    @Override
    public void waiting(StepId step, String what) {
        out.line(step + " waits for " + what);
    }

    @Override
    public void verifying(StepId step) {
        Tracker tracker = new Tracker(-1, "checked");
        tracker.verifying = true;
        trackers.put(step, tracker);
        out.line("verify " + step + " started");
    }

    @Override
    public void verified(Verification v) {
        trackers.remove(v.step());
        String verdict = switch (v.verdict()) {
            case VERIFIED -> v.sampled() ? "ok (sampled)" : "ok";
            case MISMATCH -> "MISMATCH";
            case NOT_VERIFIED -> "NOT VERIFIED";
        };
        if (v.verdict() == Verification.Verdict.NOT_VERIFIED) {
            out.line("verify " + v.step() + ": NOT VERIFIED: " + v.note());
            return;
        }
        String counts = v.checked() + " checked, " + v.matched() + " matched, " + v.missing() + " missing, "
                + (v.sampled() ? "extra not counted, " : v.extra() + " extra, ") + v.different() + " different"
                + (v.notCopyable() > 0 ? ", " + v.notCopyable() + " not copyable (dead letters)" : "");
        out.line("verify " + v.step() + ": " + verdict + " (source " + v.sourceCount() + ", target "
                + (v.sampled() ? "not counted" : String.valueOf(v.targetCount())) + "; " + counts + ") in "
                + seconds(v.duration()) + (v.note().isEmpty() ? "" : "; " + v.note()));
        v.examples().forEach(e -> out.line("    " + e));
    }

    private static String seconds(java.time.Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    @Override
    public void finished(StepId step, StepResult result) {
        String text;
        if (result instanceof StepResult.Completed c) {
            text = "done: " + c.counters().read() + " read, " + c.counters().written() + " written, " + c.counters().skipped()
                    + " skipped, " + c.counters().failed() + " failed in " + c.duration().toMillis() + " ms"
                    + (c.outputs().containsKey("deadLetters") ? "; dead letters: " + c.outputs().get("deadLetters") : "");
        } else if (result instanceof StepResult.Failed f) {
            text = "FAILED after " + f.counters().written() + " written, " + f.counters().failed() + " failed: " + f.reason();
        } else {
            text = "not run: " + ((StepResult.NotRun) result).reason();
        }
        out.line(step + " " + text);
        if (result instanceof StepResult.Completed c) {
            c.outputs().forEach((key, value) -> {
                if (!key.equals("deadLetters")) {
                    out.line("    " + key + ": " + value);
                }
            });
        }
    }

    /** A sync pass: a line when it applied something, or when the step became caught up or fell behind. */
    @Override
    public void caughtUp(StepId step, long applied, java.util.Optional<java.time.Duration> newestAge, boolean caughtUp) {
        Boolean before = following.put(step, caughtUp);
        if (applied == 0 && before != null && before == caughtUp) {
            return;
        }
        out.line(step + " " + applied + " change(s) applied" + newestAge.map(a -> ", the newest made " + a.toSeconds() + " s ago").orElse("")
                + (caughtUp ? "; caught up" : "; still reading"));
    }
}
