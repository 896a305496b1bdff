package dev.migrator.userpool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays a user pool's dead letters: each user is imported again from the entry (attributes, enabled
 * flag, groups; never a password). A user who failed after being created (enabling, groups) is updated,
 * whatever the pair's policy for existing users, since this run created it; one who failed at creation
 * or lookup goes through the pair's policy as in the copy.
 */
final class UserPoolReplay {
    private final UserImporter asConfigured;
    private final UserImporter updating;
    private final UserDeadLetters deadLetters;
    private final UserPoolCounters counters;

    UserPoolReplay(UserImporter asConfigured, UserImporter updating, UserDeadLetters deadLetters, UserPoolCounters counters) {
        this.asConfigured = asConfigured;
        this.updating = updating;
        this.deadLetters = deadLetters;
        this.counters = counters;
    }

    void replay(ObjectNode entry) throws InterruptedException {
        counters.read.incrementAndGet();
        Map<String, String> attributes = new LinkedHashMap<>();
        entry.path("attributes").fields().forEachRemaining(f -> attributes.put(f.getKey(), f.getValue().asText()));
        PoolUser user = new PoolUser(entry.path("username").asText(), entry.path("status").asText(),
                entry.path("enabled").asBoolean(true), attributes, Optional.empty());
        List<String> groups = new ArrayList<>();
        entry.path("groups").forEach(g -> groups.add(g.asText()));
        String stage = entry.path("stage").asText();
        UserImporter importer = "create".equals(stage) || "existing".equals(stage) ? asConfigured : updating;
        UserOutcome outcome = importer.importUser(user, groups);
        counters.count(outcome);
        if (outcome instanceof UserOutcome.Failed failed) {
            deadLetters.add(user, groups, failed);
        }
    }
}
