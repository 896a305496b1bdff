package dev.migrator.store.table;

import dev.migrator.engine.WorkerPool;

import dev.migrator.model.SeededKey;
import dev.migrator.engine.MismatchLog;
import dev.migrator.engine.Sampling;
import dev.migrator.support.RetryPolicy;
import dev.migrator.engine.StepId;
import dev.migrator.engine.Verification;
import dev.migrator.transform.ItemTransformer;
import dev.migrator.transform.TransformFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Verifies a table pair: every (sampled) source item, transformed as the run would, hashed canonically
 * against the target item with the same key (BatchGetItem, 100 at a time); then, on a full check, the
 * target is scanned for items no source item produced (declared seeded ones excepted). The expected
 * keys are held in memory for that second pass.
 */
final class TableVerifier {
    private final dev.migrator.engine.ProgressListener progress;
    private static final int PAGE = 500;
    private static final int GET_BATCH = 100;

    private final TableGateway source;
    private final TableGateway target;
    private final RetryPolicy retry;
    private final int segments;

    TableVerifier(TableGateway source, TableGateway target, RetryPolicy retry, int segments, dev.migrator.engine.ProgressListener progress) {
        this.progress = progress;
        this.source = source;
        this.target = target;
        this.retry = retry;
        this.segments = Math.max(1, segments);
    }

    Verification verify(StepId id, String sourceTable, TableInfo targetTable, ItemTransformer transformer, List<SeededKey> seeded,
                        double sampleRate) throws InterruptedException {
        long started = System.nanoTime();
        MismatchLog log = new MismatchLog(progress, id);
        KeyCheck keys = new KeyCheck(targetTable.keySchema());
        List<String> keyNames = targetTable.keySchema().stream().map(TableInfo.KeyAttribute::name).toList();
        boolean full = sampleRate >= 1;
        Set<String> expected = full ? ConcurrentHashMap.newKeySet() : null;
        forEachPage(source, sourceTable, page -> {
            log.sourceCount.addAndGet(page.size());
            List<Map<String, AttributeValue>> wanted = new ArrayList<>();
            for (Map<String, AttributeValue> item : page) {
                try {
                    Map<String, AttributeValue> out = transformer.apply(item);
                    if (keys.problem(out) != null) {
                        log.notCopyable.incrementAndGet();
                    } else if (full || Sampling.chosen(KeyStrings.of(out, keyNames).toString(), sampleRate)) {
                        wanted.add(out);
                    }
                } catch (TransformFailure e) {
                    log.notCopyable.incrementAndGet();
                }
            }
            compare(targetTable.name(), wanted, keys, keyNames, expected, log);
        });
        if (full) {
            forEachPage(target, targetTable.name(), page -> {
                log.targetCount.addAndGet(page.size());
                for (Map<String, AttributeValue> item : page) {
                    String key = KeyStrings.of(item, keyNames).toString();
                    Map<String, String> printable = KeyStrings.of(item, keyNames);
                    if (!expected.contains(key) && seeded.stream().noneMatch(s -> s.matches(printable))) {
                        log.extra(key);
                    }
                }
            });
        }
        return log.result(id, sampleRate, started, full ? "" : "sampled: extra target items are not counted");
    }

    private void compare(String table, List<Map<String, AttributeValue>> wanted, KeyCheck keys, List<String> keyNames,
                         Set<String> expected, MismatchLog log) throws InterruptedException {
        for (int i = 0; i < wanted.size(); i += GET_BATCH) {
            List<Map<String, AttributeValue>> chunk = wanted.subList(i, Math.min(wanted.size(), i + GET_BATCH));
            Map<String, Map<String, AttributeValue>> byKey = new HashMap<>();
            for (Map<String, AttributeValue> item : chunk) {
                byKey.put(KeyStrings.of(item, keyNames).toString(), item);
            }
            List<Map<String, AttributeValue>> keyList = chunk.stream().map(keys::keyOf).distinct().toList();
            Map<String, Map<String, AttributeValue>> found = new HashMap<>();
            for (Map<String, AttributeValue> item : retry.call(() -> target.getItems(table, keyList))) {
                found.put(KeyStrings.of(item, keyNames).toString(), item);
            }
            for (var e : byKey.entrySet()) {
                log.checkedOne();
                if (expected != null) {
                    expected.add(e.getKey());
                }
                Map<String, AttributeValue> actual = found.get(e.getKey());
                if (actual == null) {
                    log.missing(e.getKey());
                } else if (!CanonicalItem.hash(actual).equals(CanonicalItem.hash(e.getValue()))) {
                    log.different(e.getKey() + ": " + ItemDifference.describe(e.getValue(), actual));
                } else {
                    log.matched.incrementAndGet();
                }
            }
        }
    }

    private interface PageHandler {
        void handle(List<Map<String, AttributeValue>> page) throws InterruptedException;
    }

    /** A parallel Scan of the whole table, one page at a time per segment. */
    private void forEachPage(TableGateway gateway, String table, PageHandler handler) throws InterruptedException {
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
}
