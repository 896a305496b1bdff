package dev.migrator.store.userpool;

import dev.migrator.support.RetryPolicy;
import dev.migrator.support.RateLimiter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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

    /** Every item of a paginated listing, each page a paced, retried request. */
    <T> List<T> all(Function<Optional<String>, UserPoolGateway.Page<T>> page) throws InterruptedException {
        List<T> items = new ArrayList<>();
        forEach(page, items::add);
        return items;
    }

    /** A page-size consumer of a paginated listing: memory holds one page. */
    interface ItemHandler<T> {
        void handle(T item) throws InterruptedException;
    }

    /** Every item of a paginated listing, page by page, each page a paced, retried request. */
    <T> void forEach(Function<Optional<String>, UserPoolGateway.Page<T>> page, ItemHandler<T> handler) throws InterruptedException {
        Optional<String> token = Optional.empty();
        do {
            Optional<String> at = token;
            UserPoolGateway.Page<T> next = call(() -> page.apply(at));
            for (T item : next.items()) {
                handler.handle(item);
            }
            token = next.next();
        } while (token.isPresent());
    }

    void run(Runnable request) throws InterruptedException {
        call(() -> {
            request.run();
            return null;
        });
    }
}
