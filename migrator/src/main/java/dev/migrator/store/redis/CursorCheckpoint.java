package dev.migrator.store.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.migrator.support.Checkpoints;
import dev.migrator.support.DoneThrough;
import java.util.Optional;

/**
 * The SCAN cursor a resumed copy continues from. Pages are copied out of order by several workers, so the cursor
 * recorded is the one after the last page that is done with every page before it; a resume may copy a few pages
 * again (RESTORE REPLACE makes that harmless), never skip one. SCAN promises every key present for the whole scan
 * is returned, and its cursor stays valid across connections.
 */
final class CursorCheckpoint {
    private static final String START = "0";
    private final Checkpoints checkpoints;
    private final String name;
    private final DoneThrough<String> pages = new DoneThrough<>();

    CursorCheckpoint(Checkpoints checkpoints, String name) {
        this.checkpoints = checkpoints;
        this.name = name;
    }

    /** Where to start: the recorded cursor when resuming; empty when an earlier copy scanned to the end. */
    Optional<String> start(boolean resume) {
        if (!resume) {
            return Optional.of(START);
        }
        Optional<JsonNode> saved = checkpoints.read(name);
        if (saved.isPresent() && saved.get().path("finished").asBoolean()) {
            return Optional.empty();
        }
        return Optional.of(saved.map(s -> s.path("cursor").asText(START)).orElse(START));
    }

    /** A page handed to the workers, and the cursor that follows it; returns its number. */
    synchronized long submitted(String cursorAfter) {
        return pages.handedOut(cursorAfter);
    }

    /** A page whose every key was written, skipped or dead-lettered. */
    synchronized void done(long page) {
        pages.finished(page).ifPresent(cursor ->
                checkpoints.write(name, JsonNodeFactory.instance.objectNode().put("cursor", cursor).put("finished", START.equals(cursor))));
    }
}
