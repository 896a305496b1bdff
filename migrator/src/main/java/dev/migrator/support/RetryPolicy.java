package dev.migrator.support;

import java.util.function.Supplier;

/**
 * Calls an AWS operation again on throttling, 5xx and network errors, with backoff; anything else fails at once.
 * Each attempt holds one place of the run's {@link InFlightLimit} (not while it backs off) and tells it when the
 * service throttled.
 */
public record RetryPolicy(int maxRetries, Backoff backoff, InFlightLimit inFlight) {

    public RetryPolicy(int maxRetries, Backoff backoff) {
        this(maxRetries, backoff, InFlightLimit.unlimited());
    }

    /** The call's result; the last failure when every attempt failed or the failure is not worth retrying. */
    public <T> T call(Supplier<T> operation) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                return inFlight.call(operation);
            } catch (RuntimeException e) {
                if (attempt >= maxRetries || !Retryable.isRetryable(e)) {
                    throw e;
                }
            }
            backoff.sleep(attempt + 1);
        }
    }

    public void run(Runnable operation) throws InterruptedException {
        call(() -> {
            operation.run();
            return null;
        });
    }
}
