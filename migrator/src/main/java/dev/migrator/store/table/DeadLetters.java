package dev.migrator.store.table;

import dev.migrator.engine.UnitCounters;
import dev.migrator.support.DeadLetterFile;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Writes an item that could not be copied ({@link ItemDeadLetter}) and counts it. */
final class DeadLetters {
    private final DeadLetterFile file;
    private final String step;
    private final String sourceTable;
    private final UnitCounters counters;

    DeadLetters(DeadLetterFile file, String step, String sourceTable, UnitCounters counters) {
        this.file = file;
        this.step = step;
        this.sourceTable = sourceTable;
        this.counters = counters;
    }

    void add(Map<String, AttributeValue> item, ItemDeadLetter.Stage stage, String reason) {
        file.write(new ItemDeadLetter(step, sourceTable, stage, reason, Instant.now(), item));
        counters.failed.incrementAndGet();
    }
}
