package dev.migrator.table;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.deadletter.DeadLetterFile;
import dev.migrator.transform.DynamoJson;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Writes an item that could not be copied, in DynamoDB JSON with its reason, and counts it. */
final class DeadLetters {
    private final DeadLetterFile file;
    private final String step;
    private final String sourceTable;
    private final CopyCounters counters;

    DeadLetters(DeadLetterFile file, String step, String sourceTable, CopyCounters counters) {
        this.file = file;
        this.step = step;
        this.sourceTable = sourceTable;
        this.counters = counters;
    }

    void add(Map<String, AttributeValue> item, String stage, String reason) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("step", step).put("sourceTable", sourceTable).put("stage", stage).put("reason", reason)
                .put("at", Instant.now().toString());
        entry.set("item", DynamoJson.item(item));
        file.write(entry);
        counters.failed.incrementAndGet();
    }
}
