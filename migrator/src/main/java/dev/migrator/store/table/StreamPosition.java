package dev.migrator.store.table;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.support.Checkpoints;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How far a table has caught up with its source's stream, kept with the checkpoints
 * ({@code checkpoints/table-<pair>-stream.json}, replaced atomically after every applied page): the stream,
 * the mark taken before the bulk copy began ({@code since}: records older than it are skipped until a shard's
 * first applied record), and per shard the last sequence number applied and whether the shard was read to its end.
 */
final class StreamPosition {
    /**
     * How far before the bulk scan's start the mark lies: stream times are whole seconds and the machine's clock
     * may differ from DynamoDB's. Replaying a little more is harmless (the last write of each key wins).
     */
    static final Duration MARGIN = Duration.ofMinutes(5);
    /** DynamoDB Streams keep records for 24 hours. */
    static final Duration RETENTION = Duration.ofHours(24);

    private final Checkpoints store;
    private final String name;
    private final String streamArn;
    private final Instant since;
    private final Map<String, Shard> shards;

    /** {@code after}: the last record read (applied or skipped); {@code started}: one was applied; {@code done}: closed and read. */
    record Shard(Optional<String> after, boolean started, boolean done) {}

    private StreamPosition(Checkpoints store, String name, String streamArn, Instant since, Map<String, Shard> shards) {
        this.store = store;
        this.name = name;
        this.streamArn = streamArn;
        this.since = since;
        this.shards = shards;
    }

    /** Records the mark before a bulk copy: from {@code scanStart - MARGIN} on, every record is replayed. */
    static StreamPosition mark(Checkpoints store, String name, String streamArn, Instant scanStart) {
        StreamPosition position = new StreamPosition(store, name, streamArn, scanStart.minus(MARGIN), new LinkedHashMap<>());
        position.save();
        return position;
    }

    static Optional<StreamPosition> read(Checkpoints store, String name) {
        return store.read(name).map(node -> {
            Map<String, Shard> shards = new LinkedHashMap<>();
            node.path("shards").fields().forEachRemaining(e -> shards.put(e.getKey(), new Shard(
                    e.getValue().hasNonNull("after") ? Optional.of(e.getValue().get("after").asText()) : Optional.empty(),
                    e.getValue().path("started").asBoolean(), e.getValue().path("done").asBoolean())));
            return new StreamPosition(store, name, node.path("streamArn").asText(), Instant.parse(node.path("since").asText()), shards);
        });
    }

    String streamArn() {
        return streamArn;
    }

    Instant since() {
        return since;
    }

    Shard shard(String id) {
        return shards.getOrDefault(id, new Shard(Optional.empty(), false, false));
    }

    /** Whether records of this shard are applied whatever their time: one was applied already (a suffix is replayed). */
    boolean started(String shardId) {
        return shard(shardId).started();
    }

    /** The shard was read up to {@code sequenceNumber}; {@code applied} says whether any record of it was applied. */
    synchronized void read(String shardId, String sequenceNumber, boolean applied) {
        shards.put(shardId, new Shard(Optional.of(sequenceNumber), started(shardId) || applied, false));
        save();
    }

    synchronized void finished(String shardId) {
        Shard shard = shard(shardId);
        shards.put(shardId, new Shard(shard.after(), shard.started(), true));
        save();
    }

    private void save() {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("streamArn", streamArn).put("since", since.toString());
        ObjectNode list = node.putObject("shards");
        shards.forEach((id, s) -> {
            ObjectNode shard = list.putObject(id).put("started", s.started()).put("done", s.done());
            s.after().ifPresentOrElse(a -> shard.put("after", a), () -> shard.putNull("after"));
        });
        store.write(name, node);
    }
}
