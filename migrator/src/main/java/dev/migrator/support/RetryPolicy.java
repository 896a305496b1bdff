package dev.migrator.support;

import java.util.function.Supplier;

/** Calls an AWS operation again on throttling, 5xx and network errors, with backoff; anything else fails at once. */
public record RetryPolicy(int maxRetries, Backoff backoff) {

    /** The call's result; the last failure when every attempt failed or the failure is not worth retrying. */
    public <T> T call(Supplier<T> operation) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                return operation.get();
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
