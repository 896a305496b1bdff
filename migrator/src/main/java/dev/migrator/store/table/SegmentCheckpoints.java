package dev.migrator.store.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.support.Checkpoints;
import dev.migrator.support.DoneThrough;
import dev.migrator.transform.DynamoJson;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far each Scan segment of a table copy got: the last evaluated key of the newest page whose items
 * (and every earlier page's) are written or dead-lettered. Pages finish out of order (writers run
 * apart from scanners), so each segment advances over the contiguous run of finished pages only. The
 * file is rewritten atomically whenever a segment advances; a resumed run starts each segment there.
 */
final class SegmentCheckpoints {
    /** One scanned page: done when its last batch is. */
    static final class PageTicket {
        final int segment;
        /** Its number in the segment, given under the checkpoints' lock before the ticket is handed on. */
        long page;
        final Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> lastKey;
        final AtomicInteger batchesLeft;

        PageTicket(int segment, Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> lastKey, int batches) {
            this.segment = segment;
            this.lastKey = lastKey;
            this.batchesLeft = new AtomicInteger(batches);
        }
    }

    private static final class Segment {
        final DoneThrough<PageTicket> pages = new DoneThrough<>();
        JsonNode position;
        boolean done;
    }

    private final Checkpoints store;
    private final String name;
    private final int totalSegments;
    private final Segment[] segments;

    SegmentCheckpoints(Checkpoints store, String name, int totalSegments, boolean resume) {
        this.store = store;
        this.name = name;
        this.totalSegments = totalSegments;
        this.segments = new Segment[totalSegments];
        for (int i = 0; i < totalSegments; i++) {
            segments[i] = new Segment();
        }
        Optional<JsonNode> previous = resume ? store.read(name) : Optional.empty();
        previous.filter(p -> p.path("totalSegments").asInt() == totalSegments).ifPresent(p -> {
            for (int i = 0; i < totalSegments; i++) {
                JsonNode s = p.path("segments").path(String.valueOf(i));
                segments[i].done = s.path("done").asBoolean(false);
                segments[i].position = s.has("lastKey") ? s.get("lastKey") : null;
            }
        });
    }

    synchronized boolean finished(int segment) {
        return segments[segment].done;
    }

    /** Where the segment resumes, or null to start at its beginning. */
    synchronized Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> startOf(int segment) {
        JsonNode position = segments[segment].position;
        return position == null ? null : DynamoJson.item(position);
    }

    /** Registers a scanned page holding {@code batches} batches; a page with none is done at once. */
    PageTicket open(int segment, Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> lastKey, int batches) {
        PageTicket ticket;
        synchronized (this) {
            ticket = new PageTicket(segment, lastKey, batches);
            ticket.page = segments[segment].pages.handedOut(ticket);
        }
        if (batches == 0) {
            pageDone(ticket);
        }
        return ticket;
    }

    void batchDone(PageTicket ticket) {
        if (ticket.batchesLeft.decrementAndGet() == 0) {
            pageDone(ticket);
        }
    }

    private synchronized void pageDone(PageTicket ticket) {
        Segment s = segments[ticket.segment];
        s.pages.finished(ticket.page).ifPresent(newest -> {
            s.done = newest.lastKey == null;
            s.position = newest.lastKey == null ? null : DynamoJson.item(newest.lastKey);
            store.write(name, snapshot());
        });
    }

    private ObjectNode snapshot() {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("totalSegments", totalSegments);
        ObjectNode all = root.putObject("segments");
        for (int i = 0; i < totalSegments; i++) {
            ObjectNode s = all.putObject(String.valueOf(i)).put("done", segments[i].done);
            if (segments[i].position != null) {
                s.set("lastKey", segments[i].position);
            }
        }
        return root;
    }
}
