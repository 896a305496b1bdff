package dev.migrator.support;

/** A token bucket: at most {@code perSecond} permits a second on average, bursts up to one second's worth. */
public final class RateLimiter {
    private final double perSecond;
    private double available;
    private long last = System.nanoTime();

    private RateLimiter(double perSecond) {
        this.perSecond = perSecond;
        this.available = perSecond;
    }

    public static RateLimiter of(double perSecond) {
        return new RateLimiter(perSecond);
    }

    /** No limit. */
    public static RateLimiter unlimited() {
        return new RateLimiter(Double.POSITIVE_INFINITY);
    }

    /** Takes {@code permits}, waiting as long as the budget needs; permits may go into debt for one large request. */
    public void acquire(double permits) throws InterruptedException {
        if (Double.isInfinite(perSecond) || permits <= 0) {
            return;
        }
        long waitNanos;
        synchronized (this) {
            refill();
            available -= permits;
            waitNanos = available >= 0 ? 0 : (long) (-available / perSecond * 1e9);
        }
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }

    private void refill() {
        long now = System.nanoTime();
        available = Math.min(perSecond, available + (now - last) / 1e9 * perSecond);
        last = now;
    }
}
