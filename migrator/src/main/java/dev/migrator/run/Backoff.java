package dev.migrator.run;

import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter: a random wait up to base * 2^attempt, capped. */
public record Backoff(long baseMillis, long capMillis) {
    public static final Backoff DEFAULT = new Backoff(50, 5_000);

    public long delayMillis(int attempt) {
        long ceiling = Math.min(capMillis, baseMillis << Math.min(attempt, 20));
        return ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
    }

    public void sleep(int attempt) throws InterruptedException {
        Thread.sleep(delayMillis(attempt));
    }
}
