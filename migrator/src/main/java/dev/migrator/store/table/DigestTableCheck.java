package dev.migrator.store.table;

import dev.migrator.engine.MismatchLog;
import dev.migrator.model.SeededKey;
import dev.migrator.support.digest.Digest;
import dev.migrator.support.digest.DigestComparison;
import dev.migrator.support.digest.DigestSpill;
import dev.migrator.transform.ItemTransformer;
import dev.migrator.transform.TransformFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A full table verification in flat memory ({@link DigestComparison}). One parallel scan of each side (both at once)
 * adds each item's digest under its key; equal key buckets are proven equal. Only if some bucket differs are the two
 * sides scanned again, keeping the items of those buckets only, spilled to disk and compared key by key to name the
 * missing, extra and different items. Target items under a declared seeded key are held aside (they are few):
 * compared when the source has that key too, ignored otherwise.
 */
final class DigestTableCheck {
    private final TableGateway source;
    private final TableGateway target;
    private final ParallelScan scan;
    private final Path spillDirectory;
    private final int partitionSize;

    private interface ItemHandler {
        void handle(String key, Map<String, AttributeValue> item);
    }

    private record Held(Digest digest, byte[] shape) {}

    DigestTableCheck(TableGateway source, TableGateway target, ParallelScan scan, Path spillDirectory, int partitionSize) {
        this.source = source;
        this.target = target;
        this.scan = scan;
        this.spillDirectory = spillDirectory;
        this.partitionSize = partitionSize;
    }

    /** Compares the two tables into {@code log}; returns a note for the report (empty when there is nothing to say). */
    String run(String sourceTable, TableInfo targetTable, ItemTransformer transformer, List<SeededKey> seeded, MismatchLog log)
            throws InterruptedException, IOException {
        Sides sides = new Sides(sourceTable, targetTable, transformer, seeded);
        DigestComparison items = new DigestComparison();
        Map<String, Held> seededSource = new ConcurrentHashMap<>();
        Map<String, Held> seededTarget = new ConcurrentHashMap<>();
        ParallelScan.both(
                () -> sides.source(log, (key, item) -> {
                    log.checkedOne();
                    if (sides.seeded(item)) {
                        seededSource.put(key, held(item));
                    } else {
                        items.addSource(key, CanonicalItem.bytes(item));
                    }
                }),
                () -> sides.target(log, (key, item) -> {
                    if (sides.seeded(item)) {
                        seededTarget.put(key, held(item));
                    } else {
                        items.addTarget(key, CanonicalItem.bytes(item));
                    }
                }));
        DigestSpill.Outcomes outcomes = log.outcomes((want, got) -> ItemDifference.describe(ItemShape.fromBytes(want),
                ItemShape.fromBytes(got)), "item");
        compareSeeded(seededSource, seededTarget, outcomes);
        long before = log.mismatchCount();
        DigestComparison.Resolved resolved = items.resolve(spillDirectory, partitionSize,
                sink -> sides.source(null, (key, item) -> offer(sink, sides, key, item)),
                sink -> sides.target(null, (key, item) -> offer(sink, sides, key, item)), outcomes);
        log.matched.addAndGet(log.checked.get() - seededSource.size() - resolved.sourceUnits());
        return resolved.buckets() > 0 && log.mismatchCount() == before
                ? resolved.buckets() + " key ranges differed on the first read and matched on the second: the tables changed while verify read them"
                : "";
    }

    private static Held held(Map<String, AttributeValue> item) {
        return new Held(Digest.of(CanonicalItem.bytes(item)), ItemShape.of(item).toBytes());
    }

    /** An item of the second pass, seeded ones left out as in the first. */
    private static void offer(DigestComparison.Sink sink, Sides sides, String key, Map<String, AttributeValue> item) {
        if (!sides.seeded(item)) {
            sink.unit(key, () -> CanonicalItem.bytes(item), () -> ItemShape.of(item).toBytes());
        }
    }

    private static void compareSeeded(Map<String, Held> expected, Map<String, Held> actual, DigestSpill.Outcomes outcomes) {
        expected.forEach((key, want) -> {
            Held got = actual.get(key);
            if (got == null) {
                outcomes.missing(key);
            } else if (!got.digest().equals(want.digest())) {
                outcomes.different(key, want.shape(), got.shape());
            } else {
                outcomes.matched(key);
            }
        });
    }

    /** How each side's items are read: the source's transformed (and copyable), the target's as they are, each under its key. */
    private final class Sides {
        private final String sourceTable;
        private final TableInfo targetTable;
        private final ItemTransformer transformer;
        private final List<SeededKey> seeded;
        private final KeyCheck keys;
        private final List<String> keyNames;

        Sides(String sourceTable, TableInfo targetTable, ItemTransformer transformer, List<SeededKey> seeded) {
            this.sourceTable = sourceTable;
            this.targetTable = targetTable;
            this.transformer = transformer;
            this.seeded = seeded;
            this.keys = new KeyCheck(targetTable.keySchema());
            this.keyNames = targetTable.keySchema().stream().map(TableInfo.KeyAttribute::name).toList();
        }

        /** Every copyable source item, transformed; {@code log} (first pass only) counts what was read. */
        void source(MismatchLog log, ItemHandler handler) throws InterruptedException {
            scan.forEachPage(source, sourceTable, page -> {
                if (log != null) {
                    log.sourceCount.addAndGet(page.size());
                }
                for (Map<String, AttributeValue> item : page) {
                    Map<String, AttributeValue> out;
                    try {
                        out = transformer.apply(item);
                    } catch (TransformFailure e) {
                        out = null;
                    }
                    if (out == null || keys.problem(out) != null) {
                        if (log != null) {
                            log.notCopyable.incrementAndGet();
                        }
                    } else {
                        handler.handle(key(out), out);
                    }
                }
            });
        }

        void target(MismatchLog log, ItemHandler handler) throws InterruptedException {
            scan.forEachPage(target, targetTable.name(), page -> {
                if (log != null) {
                    log.targetCount.addAndGet(page.size());
                }
                for (Map<String, AttributeValue> item : page) {
                    handler.handle(key(item), item);
                }
            });
        }

        private String key(Map<String, AttributeValue> item) {
            return KeyStrings.of(item, keyNames).toString();
        }

        boolean seeded(Map<String, AttributeValue> item) {
            if (seeded.isEmpty()) {
                return false;
            }
            Map<String, String> printable = KeyStrings.of(item, keyNames);
            return seeded.stream().anyMatch(s -> s.matches(printable));
        }
    }
}
