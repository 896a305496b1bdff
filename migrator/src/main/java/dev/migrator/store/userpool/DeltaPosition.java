package dev.migrator.store.userpool;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.support.Checkpoints;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * How far a user pool has caught up ({@code checkpoints/userpool-<pair>-delta.json}): users whose
 * UserLastModifiedDate is after {@code since}, or equal to it and not among {@code atSince} (those already
 * applied at that instant), are due. {@code since} is Cognito's own time of the newest user a pass saw, so
 * the machine's clock plays no part after the first pass, which starts a margin before the copy began.
 */
record DeltaPosition(Instant since, Set<String> atSince) {
    static final Duration MARGIN = Duration.ofMinutes(5);

    DeltaPosition {
        atSince = Set.copyOf(atSince);
    }

    boolean due(Instant lastModified, String username) {
        return lastModified.isAfter(since) || (lastModified.equals(since) && !atSince.contains(username));
    }

    static DeltaPosition beforeCopy(Instant copyStart) {
        return new DeltaPosition(copyStart.minus(MARGIN), Set.of());
    }

    static Optional<DeltaPosition> read(Checkpoints store, String name) {
        return store.read(name).map(node -> {
            Set<String> at = new HashSet<>();
            node.path("atSince").forEach(u -> at.add(u.asText()));
            return new DeltaPosition(Instant.parse(node.path("since").asText()), at);
        });
    }

    void write(Checkpoints store, String name) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("since", since.toString());
        ArrayNode at = node.putArray("atSince");
        atSince.forEach(at::add);
        store.write(name, node);
    }
}
