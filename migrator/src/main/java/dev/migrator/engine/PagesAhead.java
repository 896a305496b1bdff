package dev.migrator.engine;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A listing read one page ahead: while the caller hands out page N's work, page N+1 is already being fetched on a
 * thread of its own. A listing is sequential (each page names the next), and a lister that asks for the next page
 * only once it has queued the last one leaves the workers idle while that request is out: on the bench's S3Proxy a
 * page of 1,000 keys took 0.8-1.1 s under load, about as long as the workers took to copy it, and the task queue ran
 * dry every second (the two cores 80% busy). Memory holds two pages at most: the one handed out and the next.
 */
public final class PagesAhead<C, P> implements AutoCloseable {
    /** Fetches the page at {@code cursor} (empty: the first page). */
    public interface Fetch<C, P> {
        P at(Optional<C> cursor) throws Exception;
    }

    private final Fetch<C, P> fetch;
    private final Function<P, Optional<C>> cursorAfter;
    private final WorkerPool fetcher;
    private Future<Optional<P>> next;

    /**
     * Starts fetching the first page at once. {@code cursorAfter} names the page after a page (empty: it was the last);
     * {@code name} names the fetching thread.
     */
    public PagesAhead(Fetch<C, P> fetch, Function<P, Optional<C>> cursorAfter, String name) {
        this.fetch = fetch;
        this.cursorAfter = cursorAfter;
        this.fetcher = WorkerPool.of(1, name);
        this.next = fetcher.submit(() -> Optional.of(fetch.at(Optional.empty())));
    }

    /** A page could not be fetched; the cause is what the fetch threw. */
    public static final class Failed extends RuntimeException {
        Failed(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * The next page, empty after the last, and the fetch of the one after it started. A page that could not be
     * fetched ends the listing with {@link Failed}.
     */
    public Optional<P> next() throws InterruptedException {
        Optional<P> page;
        try {
            page = next.get();
        } catch (ExecutionException e) {
            next = CompletableFuture.completedFuture(Optional.empty());
            if (e.getCause() instanceof InterruptedException) {
                throw new InterruptedException("the listing was interrupted");
            }
            throw new Failed(e.getCause());
        }
        Optional<C> cursor = page.flatMap(cursorAfter);
        next = cursor.isPresent() ? fetcher.submit(() -> Optional.of(fetch.at(cursor)))
                : CompletableFuture.completedFuture(Optional.empty());
        return page;
    }

    /** Stops a fetch still under way (its page is not wanted). */
    @Override
    public void close() {
        next.cancel(true);
        fetcher.close();
    }
}
