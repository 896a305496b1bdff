package dev.migrator.userpool;

import dev.migrator.plan.RetryPolicy;
import dev.migrator.run.RateLimiter;
import java.util.function.Supplier;

/** Every Cognito request goes through here: paced to the pair's requests per second, retried on TooManyRequestsException. */
record CognitoCalls(RateLimiter limiter, RetryPolicy retry) {

    <T> T call(Supplier<T> request) throws InterruptedException {
        return retry.call(() -> {
            try {
                limiter.acquire(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            return request.get();
        });
    }

    void run(Runnable request) throws InterruptedException {
        call(() -> {
            request.run();
            return null;
        });
    }
}
