package dev.migrator.store.table;

import dev.migrator.engine.UnitCounters;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.transform.ItemTransformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Replays a table's dead letters. A "write" entry holds the item as it was to be written and is written
 * again; a "transform" entry holds the source item, transformed again (with the maps as they are now,
 * say after a bucket's replay) and then written. Items go out in batches of 25 through the same
 * {@link BatchWriter} as the copy, so whatever fails again is dead-lettered again with its new reason.
 */
final class TableReplay {
    private final BatchWriter writer;
    private final ItemTransformer transformer;
    private final KeyCheck keys;
    private final DeadLetters deadLetters;
    private final UnitCounters counters;
    private final List<Map<String, AttributeValue>> batch = new ArrayList<>();

    private final Deleter deleter;

    /** Deletes one target key (a DELETE entry, left by catching up with a REMOVE). */
    interface Deleter {
        void delete(Map<String, AttributeValue> key) throws InterruptedException;
    }

    TableReplay(BatchWriter writer, Deleter deleter, ItemTransformer transformer, KeyCheck keys, DeadLetters deadLetters,
                UnitCounters counters) {
        this.writer = writer;
        this.deleter = deleter;
        this.transformer = transformer;
        this.keys = keys;
        this.deadLetters = deadLetters;
        this.counters = counters;
    }

    void replay(ObjectNode entry) throws InterruptedException {
        counters.read.incrementAndGet();
        ItemDeadLetter letter = ItemDeadLetter.from(entry);
        if (letter.stage() == ItemDeadLetter.Stage.DELETE) {
            deleter.delete(letter.item());
        } else if (letter.stage() == ItemDeadLetter.Stage.TRANSFORM) {
            batch.addAll(TableCopier.transform(List.of(letter.item()), transformer, keys, deadLetters));
        } else {
            batch.add(letter.item());
        }
        if (batch.size() >= BatchWriter.MAX_BATCH) {
            flush();
        }
    }

    /** Writes what is still batched. */
    void flush() throws InterruptedException {
        if (!batch.isEmpty()) {
            writer.write(List.copyOf(batch));
            batch.clear();
        }
    }
}
