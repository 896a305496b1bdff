package dev.migrator.store.redis;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.support.DeadLetterEntry;
import java.time.Instant;

/**
 * A key that was not copied: {@code {step, source, key, keyBase64, stage, reason, at}}; {@code key} is printable
 * (binary bytes escaped as \xNN), {@code keyBase64} the exact bytes a replay reads. Never a value.
 */
record RedisDeadLetter(String step, String source, byte[] key, String stage, String reason, Instant at) implements DeadLetterEntry {

    @Override
    public ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode().put("step", step).put("source", source).put("key", KeyText.show(key))
                .put("keyBase64", KeyText.base64(key)).put("stage", stage).put("reason", reason).put("at", at.toString());
    }

    static RedisDeadLetter from(ObjectNode entry) {
        return new RedisDeadLetter(entry.path("step").asText(), entry.path("source").asText(),
                KeyText.fromBase64(entry.path("keyBase64").asText()), entry.path("stage").asText(), entry.path("reason").asText(),
                Instant.EPOCH);
    }
}
