package dev.migrator.store.table;

import dev.migrator.engine.MismatchLog;
import dev.migrator.model.SeededKey;
import dev.migrator.support.digest.Digest;
import dev.migrator.support.digest.DigestBuckets;
import dev.migrator.support.digest.DigestSpill;
import dev.migrator.transform.ItemTransformer;
import dev.migrator.transform.TransformFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A full table verification in flat memory. One parallel scan of each side (both at once) sums each item's
 * digest into its key's bucket; equal buckets are proven equal. Only if some bucket differs are the two sides
 * scanned again, keeping the items of those buckets only, spilled to disk and compared key by key to name
 * the missing, extra and different items. Target items under a declared seeded key are held aside (they are
 * few): compared when the source has that key too, ignored otherwise.
 */
final class DigestTableCheck {
    private final TableGateway source;
    private final TableGateway target;
    private final ParallelScan scan;
    private final Path spillDirectory;
    private final int partitionSize;

    /** Where a transformed source item or a target item falls. */
    private record Unit(String key, int bucket, Map<String, AttributeValue> item) {}

    private interface UnitHandler {
        void handle(Unit unit);
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
        DigestBuckets expected = new DigestBuckets(DigestBuckets.DEFAULT_SIZE);
        DigestBuckets actual = new DigestBuckets(DigestBuckets.DEFAULT_SIZE);
        Map<String, Held> seededSource = new ConcurrentHashMap<>();
        Map<String, Held> seededTarget = new ConcurrentHashMap<>();
        ParallelScan.both(
                () -> sides.source(expected, log, unit -> {
                    log.checkedOne();
                    if (sides.seeded(unit)) {
                        seededSource.put(unit.key(), held(unit.item()));
                    } else {
                        expected.add(unit.bucket(), Digest.of(CanonicalItem.bytes(unit.item())));
                    }
                }),
                () -> sides.target(actual, log, unit -> {
                    if (sides.seeded(unit)) {
                        seededTarget.put(unit.key(), held(unit.item()));
                    } else {
                        actual.add(unit.bucket(), Digest.of(CanonicalItem.bytes(unit.item())));
                    }
                }));
        compareSeeded(seededSource, seededTarget, log);
        BitSet differing = expected.differing(actual);
        long all = log.checked.get() - seededSource.size();
        log.matched.addAndGet(all - expected.countIn(differing));
        if (differing.isEmpty()) {
            return "";
        }
        long before = log.mismatchCount();
        try (DigestSpill spill = DigestSpill.open(spillDirectory, expected.countIn(differing), partitionSize)) {
            ParallelScan.both(
                    () -> sides.source(expected, null, unit -> spillIf(differing, spill, DigestSpill.Side.SOURCE, unit, sides)),
                    () -> sides.target(actual, null, unit -> spillIf(differing, spill, DigestSpill.Side.TARGET, unit, sides)));
            spill.compare(log.outcomes((want, got) -> ItemDifference.describe(ItemShape.fromBytes(want), ItemShape.fromBytes(got)), "item"));
        }
        return log.mismatchCount() == before
                ? differing.cardinality() + " key ranges differed on the first read and matched on the second: the tables changed while verify read them"
                : "";
    }

    private static Held held(Map<String, AttributeValue> item) {
        return new Held(Digest.of(CanonicalItem.bytes(item)), ItemShape.of(item).toBytes());
    }

    private static void spillIf(BitSet differing, DigestSpill spill, DigestSpill.Side side, Unit unit, Sides sides) {
        if (differing.get(unit.bucket()) && !sides.seeded(unit)) {
            spill.write(side, unit.bucket(), unit.key(), Digest.of(CanonicalItem.bytes(unit.item())), ItemShape.of(unit.item()).toBytes());
        }
    }

    private static void compareSeeded(Map<String, Held> expected, Map<String, Held> actual, MismatchLog log) {
        expected.forEach((key, want) -> {
            Held got = actual.get(key);
            if (got == null) {
                log.missing(key);
            } else if (!got.digest().equals(want.digest())) {
                log.different(key + ": " + ItemDifference.describe(ItemShape.fromBytes(want.shape()), ItemShape.fromBytes(got.shape())));
            } else {
                log.matched.incrementAndGet();
            }
        });
    }

    /** How each side's items become units: the source's transformed (and copyable), the target's as they are. */
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
        void source(DigestBuckets buckets, MismatchLog log, UnitHandler handler) throws InterruptedException {
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
                        handler.handle(unit(buckets, out));
                    }
                }
            });
        }

        void target(DigestBuckets buckets, MismatchLog log, UnitHandler handler) throws InterruptedException {
            scan.forEachPage(target, targetTable.name(), page -> {
                if (log != null) {
                    log.targetCount.addAndGet(page.size());
                }
                for (Map<String, AttributeValue> item : page) {
                    handler.handle(unit(buckets, item));
                }
            });
        }

        private Unit unit(DigestBuckets buckets, Map<String, AttributeValue> item) {
            String key = KeyStrings.of(item, keyNames).toString();
            return new Unit(key, buckets.bucketOf(key), item);
        }

        boolean seeded(Unit unit) {
            if (seeded.isEmpty()) {
                return false;
            }
            Map<String, String> printable = KeyStrings.of(unit.item(), keyNames);
            return seeded.stream().anyMatch(s -> s.matches(printable));
        }
    }
}
