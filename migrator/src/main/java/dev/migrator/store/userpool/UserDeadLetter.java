package dev.migrator.store.userpool;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.support.DeadLetterEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A user that was not recreated: {@code {step, sourceUserPool, username, targetUsername, status, enabled,
 * attributes, groups, stage, reason, at}}; never a password.
 */
record UserDeadLetter(String step, String sourcePool, PoolUser user, String targetUsername, List<String> groups, Stage stage,
                      String reason, Instant at) implements DeadLetterEntry {

    /**
     * Where the import failed. CREATE and EXISTING: before this run created the user, so a replay goes through
     * the pair's policy for existing users; FINISH, ENABLE and GROUPS: after, so a replay finishes the user.
     */
    enum Stage {
        CREATE, EXISTING, FINISH, ENABLE, GROUPS;

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean afterCreation() {
            return this != CREATE && this != EXISTING;
        }

        static Stage of(String json) {
            for (Stage stage : values()) {
                if (stage.json().equals(json)) {
                    return stage;
                }
            }
            return CREATE;
        }
    }

    UserDeadLetter {
        groups = List.copyOf(groups);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("step", step).put("sourceUserPool", sourcePool).put("username", user.username())
                .put("targetUsername", targetUsername).put("status", user.status()).put("enabled", user.enabled());
        ObjectNode attributes = entry.putObject("attributes");
        user.attributes().forEach(attributes::put);
        groups.forEach(entry.putArray("groups")::add);
        entry.put("stage", stage.json()).put("reason", reason).put("at", at.toString());
        return entry;
    }

    static UserDeadLetter from(ObjectNode entry) {
        Map<String, String> attributes = new LinkedHashMap<>();
        entry.path("attributes").fields().forEachRemaining(f -> attributes.put(f.getKey(), f.getValue().asText()));
        PoolUser user = new PoolUser(entry.path("username").asText(), entry.path("status").asText(),
                entry.path("enabled").asBoolean(true), attributes, Optional.empty());
        List<String> groups = new ArrayList<>();
        entry.path("groups").forEach(g -> groups.add(g.asText()));
        return new UserDeadLetter(entry.path("step").asText(), entry.path("sourceUserPool").asText(), user,
                entry.path("targetUsername").asText(), groups, Stage.of(entry.path("stage").asText()), entry.path("reason").asText(),
                Instant.EPOCH);
    }
}
