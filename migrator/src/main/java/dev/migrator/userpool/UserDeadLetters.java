package dev.migrator.userpool;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.deadletter.DeadLetterFile;
import java.time.Instant;

/** Writes a user that was not recreated, with its attributes and groups (never a password) and the reason. */
final class UserDeadLetters {
    private final DeadLetterFile file;
    private final String step;
    private final String sourcePool;

    UserDeadLetters(DeadLetterFile file, String step, String sourcePool) {
        this.file = file;
        this.step = step;
        this.sourcePool = sourcePool;
    }

    void add(PoolUser user, java.util.List<String> groups, UserOutcome.Failed failure) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("step", step).put("sourceUserPool", sourcePool).put("username", user.username())
                .put("targetUsername", failure.username()).put("status", user.status()).put("enabled", user.enabled());
        ObjectNode attributes = entry.putObject("attributes");
        user.attributes().forEach(attributes::put);
        groups.forEach(entry.putArray("groups")::add);
        entry.put("stage", failure.stage()).put("reason", failure.reason()).put("at", Instant.now().toString());
        file.write(entry);
    }
}
