package dev.migrator.support;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * How many requests a run keeps in flight: one budget shared by every step and worker. Fixed (the schema's
 * {@code concurrency}), or adaptive (the default): it starts at {@code start}, grows by half while throughput grows,
 * steps back to the best level once growing stops adding throughput, backs off by 30% when the service throttles
 * (SlowDown, ProvisionedThroughputExceeded, TooManyRequests: {@link Retryable#isThrottling}), and probes again after a
 * while, never outside {@code min..max}. Throughput is measured over windows of at least {@code windowNanos} and
 * at least {@code limit} completed requests, on an injected clock (tests do not sleep).
 */
public final class InFlightLimit {
    private static final int HOLD_WINDOWS = 20;
    private static final double BETTER = 1.10;

    private final int min;
    private final int max;
    private final boolean adaptive;
    private final LongSupplier clock;
    private final long windowNanos;
    private int limit;
    private int inFlight;
    private int busiest;
    private long windowStart;
    private long completed;
    private long throttledInWindow;
    private boolean probing;
    private double bestRate;
    private int bestLimit;
    private int hold;
    private int peak;
    private long throttleBackoffs;

    private InFlightLimit(int start, int min, int max, boolean adaptive, LongSupplier clock, long windowNanos) {
        this.min = min;
        this.max = max;
        this.adaptive = adaptive;
        this.clock = clock;
        this.windowNanos = windowNanos;
        this.limit = start;
        this.bestLimit = start;
        this.probing = adaptive;
        this.peak = start;
        this.windowStart = clock.getAsLong();
    }

    /** No limit (a step run on its own, in tests): requests are only counted. */
    public static InFlightLimit unlimited() {
        return fixed(Integer.MAX_VALUE);
    }

    public static InFlightLimit fixed(int n) {
        return new InFlightLimit(n, n, n, false, System::nanoTime, Long.MAX_VALUE);
    }

    public static InFlightLimit adaptive(int start, int max) {
        return adaptive(start, max, System::nanoTime, 500_000_000L);
    }

    public static InFlightLimit adaptive(int start, int max, LongSupplier clock, long windowNanos) {
        int low = Math.min(start, max);
        return new InFlightLimit(low, Math.min(4, low), max, true, clock, windowNanos);
    }

    /** Runs one request under the limit, noting whether the service throttled it. */
    public <T> T call(Supplier<T> request) throws InterruptedException {
        acquire();
        boolean throttled = false;
        try {
            return request.get();
        } catch (RuntimeException e) {
            throttled = Retryable.isThrottling(e);
            throw e;
        } finally {
            release(throttled);
        }
    }

    public synchronized void acquire() throws InterruptedException {
        while (inFlight >= limit) {
            wait();
        }
        inFlight++;
        busiest = Math.max(busiest, inFlight);
    }

    /** A request finished; {@code throttled}: the service said slow down (an exception, or work handed back unprocessed). */
    public synchronized void release(boolean throttled) {
        inFlight--;
        completed++;
        if (throttled) {
            throttledInWindow++;
        }
        int before = limit;
        if (adaptive) {
            adjust();
        }
        // one place freed wakes one waiter: waking all (most of them only to wait again) cost more CPU than the
        // requests themselves with a hundred workers waiting; a grown limit has room for more, so it wakes them all
        if (limit > before) {
            notifyAll();
        } else {
            notify();
        }
    }

    private void adjust() {
        long now = clock.getAsLong();
        long elapsed = now - windowStart;
        if (throttledInWindow > 0 && completed >= Math.min(limit, 8)) {
            limit = Math.max(min, (int) (limit * 0.7));
            bestLimit = limit;
            probing = false;
            hold = HOLD_WINDOWS;
            throttleBackoffs++;
        } else if (elapsed < windowNanos || completed < limit) {
            return;
        } else {
            steer(completed * 1e9 / elapsed, busiest >= limit);
        }
        windowStart = now;
        completed = 0;
        throttledInWindow = 0;
        busiest = inFlight;
        peak = Math.max(peak, limit);
    }

    /** One window's verdict: keep growing while throughput grows, else settle at the best level and probe later. */
    private void steer(double rate, boolean saturated) {
        if (probing) {
            if (rate > bestRate * BETTER) {
                bestRate = rate;
                bestLimit = limit;
                if (saturated && limit < max) {
                    limit = grow(limit);
                } else {
                    probing = false;
                    hold = HOLD_WINDOWS;
                }
            } else {
                limit = bestLimit;
                probing = false;
                hold = HOLD_WINDOWS;
            }
        } else if (--hold <= 0 && saturated && limit < max) {
            probing = true;
            bestRate = rate;
            bestLimit = limit;
            limit = grow(limit);
        }
    }

    private int grow(int n) {
        return Math.min(max, Math.max(n + 1, (int) Math.ceil(n * 1.5)));
    }

    /** Requests allowed in flight now. */
    public synchronized int limit() {
        return limit;
    }

    public boolean isAdaptive() {
        return adaptive;
    }

    /** For the report: "adaptive: 48 in flight at the end (4-128, peak 72; backed off 0 times on throttling)" or "fixed at 8". */
    public synchronized String describe() {
        if (!adaptive) {
            return "fixed at " + limit;
        }
        return "adaptive: " + limit + " in flight at the end (" + min + "-" + max + ", peak " + peak + "; backed off "
                + throttleBackoffs + (throttleBackoffs == 1 ? " time" : " times") + " on throttling)";
    }
}
