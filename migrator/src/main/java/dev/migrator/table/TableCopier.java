package dev.migrator.table;

import dev.migrator.plan.AwsErrors;
import dev.migrator.plan.Retryable;
import dev.migrator.run.Backoff;
import dev.migrator.run.RateLimiter;
import dev.migrator.transform.ItemTransformer;
import dev.migrator.transform.TransformFailure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Copies a table with a parallel Scan: workers take segments one at a time and, page by page,
 * transform the items and write them. Only one page per worker is in memory, so memory does not
 * grow with the table; scans and writes of different workers overlap.
 */
final class TableCopier {
    /** How the copy runs; the rate limits count items or capacity units as the schema says. */
    record Settings(int workers, int segments, int pageSize, int maxRetries, Backoff backoff,
                    RateLimiter readLimit, boolean readLimitInItems, RateLimiter writeLimit, boolean writeLimitInItems,
                    boolean skipExisting) {}

    /** Called after each page, from the worker threads. */
    interface PageListener {
        void pageDone();
    }

    private final TableGateway source;
    private final TableGateway target;
    private final Settings settings;

    TableCopier(TableGateway source, TableGateway target, Settings settings) {
        this.source = source;
        this.target = target;
        this.settings = settings;
    }

    /** Copies every segment; returns the reasons segments stopped early (empty when all finished). */
    List<String> copy(String sourceTable, TableInfo targetTable, ItemTransformer transformer, DeadLetters deadLetters,
                      CopyCounters counters, PageListener listener) throws InterruptedException {
        BatchWriter writer = new BatchWriter(target, targetTable.name(), settings.maxRetries(), settings.backoff(),
                settings.writeLimit(), settings.writeLimitInItems(), deadLetters, counters);
        KeyCheck keys = new KeyCheck(targetTable.keySchema());
        AtomicInteger nextSegment = new AtomicInteger();
        ConcurrentLinkedQueue<String> stopped = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.workers(), settings.segments())), r -> {
            Thread t = new Thread(r, "scan-" + sourceTable);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < Math.min(settings.workers(), settings.segments()); w++) {
                workers.add(pool.submit(() -> {
                    for (int s = nextSegment.getAndIncrement(); s < settings.segments(); s = nextSegment.getAndIncrement()) {
                        String problem = copySegment(sourceTable, s, targetTable.name(), transformer, keys, writer,
                                deadLetters, counters, listener);
                        if (problem != null) {
                            stopped.add("segment " + s + ": " + problem);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                try {
                    worker.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    stopped.add("worker failed: " + AwsErrors.describe(e.getCause()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return List.copyOf(stopped);
    }

    private String copySegment(String sourceTable, int segment, String targetTable, ItemTransformer transformer, KeyCheck keys,
                               BatchWriter writer, DeadLetters deadLetters, CopyCounters counters, PageListener listener)
            throws InterruptedException {
        Map<String, AttributeValue> start = null;
        do {
            TableGateway.ScanPage page = scanWithRetries(sourceTable, segment, start);
            if (page == null) {
                return "scan failed after " + settings.maxRetries() + " retries at " + (start == null ? "the start" : start);
            }
            settings.readLimit().acquire(settings.readLimitInItems() ? page.items().size() : page.consumedCapacity());
            counters.read.addAndGet(page.items().size());
            List<Map<String, AttributeValue>> ready = transform(page.items(), transformer, keys, deadLetters);
            if (settings.skipExisting() && !ready.isEmpty()) {
                ready = withoutExisting(targetTable, ready, keys, counters);
            }
            for (int i = 0; i < ready.size(); i += BatchWriter.MAX_BATCH) {
                writer.write(ready.subList(i, Math.min(ready.size(), i + BatchWriter.MAX_BATCH)));
            }
            listener.pageDone();
            start = page.lastKey();
        } while (start != null);
        return null;
    }

    private TableGateway.ScanPage scanWithRetries(String table, int segment, Map<String, AttributeValue> start)
            throws InterruptedException {
        for (int attempt = 0; attempt <= settings.maxRetries(); attempt++) {
            if (attempt > 0) {
                settings.backoff().sleep(attempt);
            }
            try {
                return source.scan(table, segment, settings.segments(), start, settings.pageSize());
            } catch (RuntimeException e) {
                if (!Retryable.isRetryable(e)) {
                    throw e;
                }
            }
        }
        return null;
    }

    private static List<Map<String, AttributeValue>> transform(List<Map<String, AttributeValue>> items, ItemTransformer transformer,
                                                               KeyCheck keys, DeadLetters deadLetters) {
        List<Map<String, AttributeValue>> ready = new ArrayList<>(items.size());
        for (Map<String, AttributeValue> item : items) {
            try {
                Map<String, AttributeValue> out = transformer.apply(item);
                String problem = keys.problem(out);
                if (problem != null) {
                    deadLetters.add(item, "transform", problem);
                } else {
                    ready.add(out);
                }
            } catch (TransformFailure e) {
                deadLetters.add(item, "transform", e.getMessage());
            }
        }
        return ready;
    }

    private List<Map<String, AttributeValue>> withoutExisting(String table, List<Map<String, AttributeValue>> items, KeyCheck keys,
                                                               CopyCounters counters) {
        Set<Map<String, AttributeValue>> existing = new HashSet<>();
        for (int i = 0; i < items.size(); i += 100) {
            List<Map<String, AttributeValue>> chunk = items.subList(i, Math.min(items.size(), i + 100))
                    .stream().map(keys::keyOf).distinct().toList();
            existing.addAll(target.existingKeys(table, chunk));
        }
        List<Map<String, AttributeValue>> missing = items.stream().filter(i -> !existing.contains(keys.keyOf(i))).toList();
        counters.skipped.addAndGet(items.size() - missing.size());
        return missing;
    }
}
