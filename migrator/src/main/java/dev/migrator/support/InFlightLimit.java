package dev.migrator.support;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * How many requests a run keeps in flight: one budget shared by every step and worker. Fixed (the schema's
 * {@code concurrency}), or adaptive (the default): it starts at {@code start} and doubles each window while
 * throughput grows (a slow start, as TCP's: on a link of tens of milliseconds the right level is often ten times
 * the start, and a short step is over before growing by half a window reaches it); once doubling stops adding
 * throughput it steps back to the best level, then probes by half again every few windows. It backs off by 30%
 * when the service throttles (SlowDown, ProvisionedThroughputExceeded, TooManyRequests: {@link
 * Retryable#isThrottling}) and waits longer before probing again; never outside {@code min..max}. Throughput is
 * measured over windows of at least {@code windowNanos} and at least {@code limit} completed requests (in the
 * slow start a quarter of the time, and four times the requests: about four round trips, so a window's count is
 * not decided by which round trip it cut), on an injected clock (tests do not sleep). A window that kept less than
 * three quarters of the limit in flight on average (steps starting or ending, a listing) says nothing about a
 * higher limit and is not judged. A probe that paid less than it must but no less than its level did is no proof
 * either while everything is getting faster (the JVM compiling its code in a run's first seconds made the first
 * doubling look useless and held 8 in flight for 3 s): once the level it went back to beats the probe's rate, it
 * probes again at once, doubling if it was.
 */
public final class InFlightLimit {
    /** Windows to wait before probing again after a probe that did not pay. */
    private static final int HOLD_WINDOWS = 6;
    /** Windows to wait before probing again after backing off on throttling. */
    private static final int HOLD_AFTER_THROTTLING = 20;
    private static final double BETTER = 1.10;
    /** A window judges its limit only when, on average over its time, at least this share of the limit was in flight. */
    private static final double SATURATED = 0.75;

    private final int min;
    private final int max;
    private final boolean adaptive;
    private final LongSupplier clock;
    private final long windowNanos;
    private int limit;
    private int inFlight;
    /** Requests in flight integrated over the window's time (request-nanoseconds), and when it last changed. */
    private double occupied;
    private long lastChange;
    private long windowStart;
    private long completed;
    private long throttledInWindow;
    private boolean probing;
    private boolean slowStart;
    private double bestRate;
    private int bestLimit;
    private int hold;
    /**
     * The rate a probe that did not pay measured, when no lower than its level's (else 0): the level beating it
     * means the probe was held back by something other than the service, and ends the hold.
     */
    private double unprovenRate;
    private boolean unprovenInSlowStart;
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
        this.slowStart = adaptive;
        this.peak = start;
        this.windowStart = clock.getAsLong();
        this.lastChange = windowStart;
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
        account();
        inFlight++;
    }

    /** A request finished; {@code throttled}: the service said slow down (an exception, or work handed back unprocessed). */
    public synchronized void release(boolean throttled) {
        account();
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

    private void account() {
        if (adaptive) {
            long now = clock.getAsLong();
            occupied += (double) inFlight * (now - lastChange);
            lastChange = now;
        }
    }

    private void adjust() {
        long now = lastChange; // release() has just accounted up to now
        long elapsed = now - windowStart;
        if (throttledInWindow > 0 && completed >= Math.min(limit, 8)) {
            limit = Math.max(min, (int) (limit * 0.7));
            bestLimit = limit;
            probing = false;
            slowStart = false;
            unprovenRate = 0;
            hold = HOLD_AFTER_THROTTLING;
            throttleBackoffs++;
        } else if (slowStart ? elapsed < windowNanos / 4 || completed < 4L * limit : elapsed < windowNanos || completed < limit) {
            return;
        } else {
            steer(completed * 1e9 / elapsed, occupied >= SATURATED * limit * elapsed);
        }
        windowStart = now;
        completed = 0;
        throttledInWindow = 0;
        occupied = 0;
        peak = Math.max(peak, limit);
    }

    /**
     * One window's verdict: keep growing while throughput grows, else settle at the best level and probe later. A
     * window that kept less than {@link #SATURATED} of the limit in flight is no verdict on it: probing goes on at
     * the same level.
     */
    private void steer(double rate, boolean saturated) {
        if (probing) {
            if (!saturated) {
                return;
            }
            if (rate > bestRate * BETTER) {
                bestRate = rate;
                bestLimit = limit;
                if (limit < max) {
                    limit = grow(limit);
                } else {
                    settle();
                }
            } else {
                unprovenRate = rate >= bestRate ? rate : 0;
                unprovenInSlowStart = slowStart;
                limit = bestLimit;
                settle();
            }
        } else if (saturated && unprovenRate > 0 && rate > unprovenRate * BETTER && limit < max) {
            slowStart = unprovenInSlowStart; // everything got faster since: the probe's verdict is void
            probe(rate);
        } else if (--hold <= 0 && saturated && limit < max) {
            probe(rate);
        }
    }

    private void probe(double rate) {
        probing = true;
        unprovenRate = 0;
        bestRate = rate;
        bestLimit = limit;
        limit = grow(limit);
    }

    private void settle() {
        probing = false;
        slowStart = false;
        hold = HOLD_WINDOWS;
    }

    private int grow(int n) {
        return Math.min(max, Math.max(n + 1, slowStart ? 2 * n : (int) Math.ceil(n * 1.5)));
    }

    /** Places free now: requests allowed in flight, less those in flight. */
    public synchronized int room() {
        return limit - inFlight;
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
