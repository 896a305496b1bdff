package dev.migrator.store.userpool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.support.Checkpoints;
import java.util.Optional;

/**
 * How far a user pool copy got: after every page of users whose imports all ended (created, skipped,
 * updated or dead-lettered), the pagination token of the next page, the counts so far and the export
 * files' lengths at that point, written atomically. A resumed run cuts the exports back to those lengths
 * and lists from that token, so no user is imported or exported twice; {@code complete} means the
 * listing had ended.
 */
final class PageCheckpoint {
    /** The state after {@code pagesDone} pages; {@code nextToken} empty with {@code complete} false means "from the start". */
    record Position(Optional<String> nextToken, boolean complete, long pagesDone, long usersDone, PoolExport.Lengths export) {
        static final Position START = new Position(Optional.empty(), false, 0, 0, PoolExport.Lengths.NONE);
    }

    private final Checkpoints store;
    private final String name;
    private final Optional<Position> resumeFrom;

    PageCheckpoint(Checkpoints store, String name, boolean resume) {
        this.store = store;
        this.name = name;
        this.resumeFrom = resume ? store.read(name).map(PageCheckpoint::position) : Optional.empty();
    }

    /** Where a resumed run continues; empty on a fresh run or when the interrupted one had not finished a page. */
    Optional<Position> resumeFrom() {
        return resumeFrom;
    }

    void pageDone(Position position) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("complete", position.complete())
                .put("pagesDone", position.pagesDone()).put("usersDone", position.usersDone())
                .put("exportBytes", position.export().json()).put("csvBytes", position.export().csv());
        position.nextToken().ifPresent(t -> node.put("nextToken", t));
        store.write(name, node);
    }

    private static Position position(JsonNode node) {
        return new Position(node.hasNonNull("nextToken") ? Optional.of(node.get("nextToken").asText()) : Optional.empty(),
                node.path("complete").asBoolean(), node.path("pagesDone").asLong(), node.path("usersDone").asLong(),
                new PoolExport.Lengths(node.path("exportBytes").asLong(), node.path("csvBytes").asLong()));
    }
}
