package dev.migrator.store.table;

import dev.migrator.engine.WorkerPool;
import dev.migrator.support.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A parallel Scan of a whole table for verification, one page at a time per segment, each page retried. */
final class ParallelScan {
    private static final int PAGE = 500;

    interface PageHandler {
        void handle(List<Map<String, AttributeValue>> page) throws InterruptedException;
    }

    private final RetryPolicy retry;
    private final int segments;

    ParallelScan(RetryPolicy retry, int segments) {
        this.retry = retry;
        this.segments = Math.max(1, segments);
    }

    void forEachPage(TableGateway gateway, String table, PageHandler handler) throws InterruptedException {
        try (WorkerPool pool = WorkerPool.of(segments, "verify-" + table)) {
            List<Future<?>> scans = new ArrayList<>();
            for (int s = 0; s < segments; s++) {
                int segment = s;
                scans.add(pool.submit(() -> {
                    Map<String, AttributeValue> start = null;
                    do {
                        Map<String, AttributeValue> at = start;
                        TableGateway.ScanPage page = retry.call(() -> gateway.scan(table, segment, segments, at, PAGE, false));
                        handler.handle(page.items());
                        start = page.lastKey();
                    } while (start != null);
                    return null;
                }));
            }
            WorkerPool.awaitAll(scans);
        }
    }

    /** Runs both at once (a source and a target scan) and returns when both have finished. */
    static void both(WorkerPool.Task first, WorkerPool.Task second) throws InterruptedException {
        try (WorkerPool pool = WorkerPool.of(2, "verify-sides")) {
            pool.runAll(List.of(first, second));
        }
    }
}
