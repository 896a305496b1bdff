package dev.migrator.store.table;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.support.DeadLetterEntry;
import dev.migrator.transform.DynamoJson;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A table item that was not copied: {@code {step, sourceTable, stage, reason, at, item}}, the item in DynamoDB
 * JSON. A TRANSFORM entry holds the source item (transformed again on replay); a WRITE entry holds the item as
 * it was to be written; a DELETE entry (from catching up with a REMOVE) holds the target key to delete.
 */
record ItemDeadLetter(String step, String sourceTable, Stage stage, String reason, Instant at, Map<String, AttributeValue> item)
        implements DeadLetterEntry {

    enum Stage {
        TRANSFORM, WRITE, DELETE;

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** TRANSFORM holds the source item, DELETE the target key to delete, WRITE (and anything else) the item to write. */
        static Stage of(String json) {
            return "transform".equals(json) ? TRANSFORM : "delete".equals(json) ? DELETE : WRITE;
        }
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("step", step).put("sourceTable", sourceTable).put("stage", stage.json()).put("reason", reason)
                .put("at", at.toString());
        entry.set("item", DynamoJson.item(item));
        return entry;
    }

    static ItemDeadLetter from(ObjectNode entry) {
        return new ItemDeadLetter(entry.path("step").asText(), entry.path("sourceTable").asText(),
                Stage.of(entry.path("stage").asText()), entry.path("reason").asText(), at(entry),
                DynamoJson.item(entry.path("item")));
    }

    private static Instant at(ObjectNode entry) {
        try {
            return Instant.parse(entry.path("at").asText());
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
