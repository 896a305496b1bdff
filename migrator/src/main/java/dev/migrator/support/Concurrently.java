package dev.migrator.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A call started on a thread of its own, for the few independent requests of a preflight (a bucket's settings,
 * the two sides of a pair): side by side they cost one round trip instead of one each, which on a link of tens of
 * milliseconds is most of a run's start-up. Not for bulk work: each call starts a thread.
 */
public final class Concurrently {
    private Concurrently() {}

    /**
     * Starts {@code call} now; the returned supplier waits for it and gives its result, or throws what it threw
     * (the same exception, not a wrapper).
     */
    public static <T> Supplier<T> start(String name, Supplier<T> call) {
        CompletableFuture<T> result = CompletableFuture.supplyAsync(call, task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        });
        return () -> {
            try {
                return result.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        };
    }
}
