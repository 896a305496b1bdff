package dev.migrator.store.table;

import dev.migrator.model.NonEmptyTargetPolicy;

import dev.migrator.engine.UnitCounters;

import dev.migrator.engine.QueueWorkers;
import dev.migrator.engine.WorkerPool;

import dev.migrator.support.AwsErrors;
import dev.migrator.support.Retryable;
import dev.migrator.support.Backoff;
import dev.migrator.support.RateLimiter;
import dev.migrator.support.InFlightLimit;
import dev.migrator.transform.ItemTransformer;
import dev.migrator.transform.TransformFailure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Copies a table as a pipeline: scanners take Scan segments one at a time and turn each page into
 * transformed 25-item batches on a bounded queue; up to {@code concurrency} writers drain it with
 * BatchWriteItem, started as the batches need them ({@link QueueWorkers}). Memory holds at most one page
 * per scanner and the queue, whatever the table's size.
 */
final class TableCopier {
    /** How the copy runs; the rate limits count items or capacity units as the schema says. */
    record Settings(int workers, int segments, int pageSize, int maxRetries, Backoff backoff,
                    RateLimiter readLimit, boolean readLimitInItems, RateLimiter writeLimit, boolean writeLimitInItems,
                    boolean skipExisting, InFlightLimit inFlight, java.util.function.IntPredicate ownsSegment) {}

    /** Scanners at most: each holds a page of up to 1 MB, and a few keep many writers fed. */
    private static final int MAX_SCANNERS = SegmentPlan.SCANNERS;

    /** Where pages come from: a parallel Scan of the source table, or the data files of an export. */
    interface PageSource {
        TableGateway.ScanPage page(int segment, Map<String, AttributeValue> start);
    }

    /** Called after each page, from the worker threads. */
    interface PageListener {
        void pageDone();
    }

    /** Batches waiting for a writer, per writer: bounds memory while scans run ahead. */
    private static final int BATCHES_QUEUED_PER_WRITER = 4;
    /** A batch of up to 25 items and the page it came from (null for the end marker). */
    private record Batch(List<Map<String, AttributeValue>> items, SegmentCheckpoints.PageTicket page) {}

    private static final Batch END = new Batch(List.of(), null);

    private final PageSource source;
    private final TableGateway target;
    private final Settings settings;

    TableCopier(PageSource source, TableGateway target, Settings settings) {
        this.source = source;
        this.target = target;
        this.settings = settings;
    }

    /** Copies every segment; returns the reasons segments stopped early (empty when all finished). */
    List<String> copy(String sourceTable, TableInfo targetTable, ItemTransformer transformer, DeadLetters deadLetters,
                      UnitCounters counters, SegmentCheckpoints checkpoints, PageListener listener) throws InterruptedException {
        BatchWriter writer = new BatchWriter(target, targetTable.name(), settings.maxRetries(), settings.backoff(),
                settings.writeLimit(), settings.writeLimitInItems(), deadLetters, counters, settings.inFlight());
        KeyCheck keys = new KeyCheck(targetTable.keySchema());
        int scanners = Math.max(1, Math.min(Math.min(settings.workers(), MAX_SCANNERS), settings.segments()));
        int writers = Math.max(1, settings.workers());
        BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(writers * BATCHES_QUEUED_PER_WRITER);
        AtomicInteger nextSegment = new AtomicInteger();
        ConcurrentLinkedQueue<String> stopped = new ConcurrentLinkedQueue<>();
        try (WorkerPool pool = WorkerPool.of(scanners + writers, "copy-" + sourceTable)) {
            QueueWorkers<Batch> writing = new QueueWorkers<>(pool, batches, END, writers, settings.inFlight()::limit, settings.inFlight()::room,
                    batch -> write(batch, writer, deadLetters, checkpoints));
            List<Future<?>> scanning = new ArrayList<>();
            for (int w = 0; w < scanners; w++) {
                scanning.add(pool.submit(() -> {
                    for (int s = nextSegment.getAndIncrement(); s < settings.segments(); s = nextSegment.getAndIncrement()) {
                        if (!settings.ownsSegment().test(s) || checkpoints.finished(s)) {
                            continue;
                        }
                        String problem = scanSegment(sourceTable, s, targetTable.name(), transformer, keys, writing,
                                deadLetters, counters, checkpoints, listener);
                        if (problem != null) {
                            stopped.add("segment " + s + ": " + problem);
                        }
                    }
                    return null;
                }));
            }
            WorkerPool.awaitEach(scanning, stopped);
            WorkerPool.awaitEach(writing.finish(), stopped);
        }
        return List.copyOf(stopped);
    }

    /** A writer's one batch: the batch writer dead-letters what it cannot write. */
    private static void write(Batch batch, BatchWriter writer, DeadLetters deadLetters, SegmentCheckpoints checkpoints)
            throws InterruptedException {
        try {
            writer.write(batch.items());
        } catch (RuntimeException e) {
            batch.items().forEach(item -> deadLetters.add(item, ItemDeadLetter.Stage.WRITE, "unexpected: " + AwsErrors.describe(e)));
        }
        checkpoints.batchDone(batch.page());
    }


    private String scanSegment(String sourceTable, int segment, String targetTable, ItemTransformer transformer, KeyCheck keys,
                               QueueWorkers<Batch> batches, DeadLetters deadLetters, UnitCounters counters,
                               SegmentCheckpoints checkpoints, PageListener listener) throws InterruptedException {
        Map<String, AttributeValue> start = checkpoints.startOf(segment);
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
            int count = (ready.size() + BatchWriter.MAX_BATCH - 1) / BatchWriter.MAX_BATCH;
            SegmentCheckpoints.PageTicket ticket = checkpoints.open(segment, page.lastKey(), count);
            for (int i = 0; i < ready.size(); i += BatchWriter.MAX_BATCH) {
                batches.put(new Batch(List.copyOf(ready.subList(i, Math.min(ready.size(), i + BatchWriter.MAX_BATCH))), ticket));
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
                return settings.inFlight().call(() -> source.page(segment, start));
            } catch (RuntimeException e) {
                if (!Retryable.isRetryable(e)) {
                    throw e;
                }
            }
        }
        return null;
    }

    static List<Map<String, AttributeValue>> transform(List<Map<String, AttributeValue>> items, ItemTransformer transformer,
                                                               KeyCheck keys, DeadLetters deadLetters) {
        List<Map<String, AttributeValue>> ready = new ArrayList<>(items.size());
        for (Map<String, AttributeValue> item : items) {
            try {
                Map<String, AttributeValue> out = transformer.apply(item);
                String problem = keys.problem(out);
                if (problem != null) {
                    deadLetters.add(item, ItemDeadLetter.Stage.TRANSFORM, problem);
                } else {
                    ready.add(out);
                }
            } catch (TransformFailure e) {
                deadLetters.add(item, ItemDeadLetter.Stage.TRANSFORM, e.getMessage());
            }
        }
        return ready;
    }

    private List<Map<String, AttributeValue>> withoutExisting(String table, List<Map<String, AttributeValue>> items, KeyCheck keys,
                                                               UnitCounters counters) {
        Set<Map<String, AttributeValue>> existing = new HashSet<>();
        for (int i = 0; i < items.size(); i += 100) {
            List<Map<String, AttributeValue>> chunk = items.subList(i, Math.min(items.size(), i + 100))
                    .stream().map(keys::keyOf).distinct().toList();
            existing.addAll(target.existingKeys(table, chunk));
        }
        List<Map<String, AttributeValue>> missing = items.stream()
                .filter(i -> ItemDecision.decide(existing.contains(keys.keyOf(i)), NonEmptyTargetPolicy.SKIP_EXISTING) == ItemDecision.WRITE)
                .toList();
        counters.skipped.addAndGet(items.size() - missing.size());
        return missing;
    }
}
