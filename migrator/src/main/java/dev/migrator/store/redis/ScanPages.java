package dev.migrator.store.redis;

import dev.migrator.engine.WorkerPool;
import dev.migrator.support.AwsErrors;
import dev.migrator.support.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Walks a database with SCAN (never KEYS) from a cursor to the end, one page after another on the calling thread,
 * handing each page's selected keys to {@code work}, whose task runs on a worker; at most two pages per worker wait.
 * Returns why it stopped early (a SCAN that failed after its retries, a task that threw), empty when it finished.
 */
final class ScanPages {
    static final int COUNT = 500;

    /** Called on the scanning thread for each page; returns the task a worker runs for it. */
    interface Work {
        WorkerPool.Task page(List<byte[]> keys, String cursorAfter);
    }

    private ScanPages() {}

    static List<String> walk(RedisGateway gateway, String name, KeyPatterns patterns, String from, RetryPolicy retry,
                             WorkerPool workers, int concurrency, Work work) throws InterruptedException {
        Semaphore waiting = new Semaphore(2 * concurrency);
        List<Future<?>> pages = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        String at = from;
        do {
            String cursor = at;
            RedisGateway.ScanPage page;
            try {
                page = retry.call(() -> gateway.scan(cursor, patterns.serverMatch(), COUNT));
            } catch (RuntimeException e) {
                stopped.add("SCAN of " + name + " failed at cursor " + cursor + ": " + AwsErrors.describe(e));
                break;
            }
            WorkerPool.Task task = work.page(page.keys().stream().filter(patterns::selects).toList(), page.cursor());
            waiting.acquire();
            pages.add(workers.submit(() -> {
                try {
                    task.run();
                } finally {
                    waiting.release();
                }
            }));
            List<Future<?>> done = pages.stream().filter(Future::isDone).toList();
            WorkerPool.awaitEach(done, stopped);
            pages.removeAll(done);
            at = page.cursor();
        } while (!"0".equals(at) && stopped.isEmpty());
        WorkerPool.awaitEach(pages, stopped);
        return stopped;
    }
}
