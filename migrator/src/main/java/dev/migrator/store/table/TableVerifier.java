package dev.migrator.store.table;

import dev.migrator.engine.MismatchLog;
import dev.migrator.engine.ProgressListener;
import dev.migrator.engine.Sampling;
import dev.migrator.engine.StepId;
import dev.migrator.engine.Verification;
import dev.migrator.model.SeededKey;
import dev.migrator.support.RetryPolicy;
import dev.migrator.support.digest.DigestSpill;
import dev.migrator.transform.ItemTransformer;
import dev.migrator.transform.TransformFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Verifies a table pair. A full check compares digests of both sides in flat memory ({@link DigestTableCheck}):
 * each item read once per side when the tables match. A sampled check transforms the chosen source items and
 * fetches the target item under each key (BatchGetItem, 100 at a time); it cannot count extra target items.
 */
final class TableVerifier {
    private static final int GET_BATCH = 100;

    private final ProgressListener progress;
    private final TableGateway source;
    private final TableGateway target;
    private final RetryPolicy retry;
    private final ParallelScan scan;
    private final Path spillDirectory;
    private final int partitionSize;

    TableVerifier(TableGateway source, TableGateway target, RetryPolicy retry, int segments, ProgressListener progress,
                  Path spillDirectory) {
        this(source, target, retry, segments, progress, spillDirectory, DigestSpill.DEFAULT_PARTITION_SIZE);
    }

    /** With the number of differing items one spill partition holds (tests make it small). */
    TableVerifier(TableGateway source, TableGateway target, RetryPolicy retry, int segments, ProgressListener progress,
                  Path spillDirectory, int partitionSize) {
        this.progress = progress;
        this.source = source;
        this.target = target;
        this.retry = retry;
        this.scan = new ParallelScan(retry, segments);
        this.spillDirectory = spillDirectory;
        this.partitionSize = partitionSize;
    }

    Verification verify(StepId id, String sourceTable, TableInfo targetTable, ItemTransformer transformer, List<SeededKey> seeded,
                        double sampleRate) throws InterruptedException {
        long started = System.nanoTime();
        MismatchLog log = new MismatchLog(progress, id);
        if (sampleRate < 1) {
            sampled(sourceTable, targetTable, transformer, sampleRate, log);
            return log.result(id, sampleRate, started, "sampled: extra target items are not counted");
        }
        try {
            String note = new DigestTableCheck(source, target, scan, spillDirectory, partitionSize)
                    .run(sourceTable, targetTable, transformer, seeded, log);
            return log.result(id, sampleRate, started, note);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill differing items under " + spillDirectory, e);
        }
    }

    private void sampled(String sourceTable, TableInfo targetTable, ItemTransformer transformer, double sampleRate, MismatchLog log)
            throws InterruptedException {
        KeyCheck keys = new KeyCheck(targetTable.keySchema());
        List<String> keyNames = targetTable.keySchema().stream().map(TableInfo.KeyAttribute::name).toList();
        scan.forEachPage(source, sourceTable, page -> {
            log.sourceCount.addAndGet(page.size());
            List<Map<String, AttributeValue>> wanted = new ArrayList<>();
            for (Map<String, AttributeValue> item : page) {
                try {
                    Map<String, AttributeValue> out = transformer.apply(item);
                    if (keys.problem(out) != null) {
                        log.notCopyable.incrementAndGet();
                    } else if (Sampling.chosen(KeyStrings.of(out, keyNames).toString(), sampleRate)) {
                        wanted.add(out);
                    }
                } catch (TransformFailure e) {
                    log.notCopyable.incrementAndGet();
                }
            }
            compare(targetTable.name(), wanted, keys, keyNames, log);
        });
    }

    private void compare(String table, List<Map<String, AttributeValue>> wanted, KeyCheck keys, List<String> keyNames,
                         MismatchLog log) throws InterruptedException {
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
}
