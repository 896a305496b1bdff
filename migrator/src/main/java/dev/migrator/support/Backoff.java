package dev.migrator.support;

import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter: a random wait up to base * 2^attempt, capped. */
public record Backoff(long baseMillis, long capMillis) {
    public static final Backoff DEFAULT = new Backoff(50, 5_000);
    /** No wait at all: for tests whose faults should cost no time. */
    public static final Backoff NONE = new Backoff(0, 0);

    public long delayMillis(int attempt) {
        long ceiling = Math.min(capMillis, baseMillis << Math.min(attempt, 20));
        return ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
    }

    public void sleep(int attempt) throws InterruptedException {
        long millis = delayMillis(attempt);
        if (millis > 0) {
            Thread.sleep(millis);
        } else if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }
}
