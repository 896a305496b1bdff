package dev.migrator.store.bucket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.support.DeadLetterEntry;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * An object (or version, or delete marker) that was not copied:
 * {@code {step, sourceBucket, key, versionId?, deleteMarker, size, etag, stage, reason, at}}.
 */
record ObjectDeadLetter(String step, String sourceBucket, ListedObject object, Stage stage, String reason, Instant at)
        implements DeadLetterEntry {

    /** Where the object failed: deciding against the target, reading its head, copying it, or a multipart copy. */
    enum Stage {
        DECIDE, HEAD, COPY, MULTIPART;

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Stage of(String json) {
            for (Stage stage : values()) {
                if (stage.json().equals(json)) {
                    return stage;
                }
            }
            return COPY;
        }
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("step", step).put("sourceBucket", sourceBucket).put("key", object.key());
        object.versionId().ifPresent(v -> entry.put("versionId", v));
        entry.put("deleteMarker", object.deleteMarker()).put("size", object.size()).put("etag", object.etag())
                .put("stage", stage.json()).put("reason", reason).put("at", at.toString());
        return entry;
    }

    static ObjectDeadLetter from(ObjectNode entry) {
        JsonNode version = entry.path("versionId");
        ListedObject object = new ListedObject(entry.path("key").asText(),
                version.isTextual() ? Optional.of(version.asText()) : Optional.empty(),
                entry.path("size").asLong(), entry.path("etag").asText(), entry.path("deleteMarker").asBoolean());
        return new ObjectDeadLetter(entry.path("step").asText(), entry.path("sourceBucket").asText(), object,
                Stage.of(entry.path("stage").asText()), entry.path("reason").asText(), Instant.EPOCH);
    }
}
