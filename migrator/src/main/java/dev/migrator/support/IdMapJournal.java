package dev.migrator.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An old -> new id map a step writes for the table transforms: S3 version ids of a bucket pair, Cognito
 * subs of a user pool pair. Each pair is appended to a journal ({@code .jsonl}, owner-only, flushed per
 * line) as soon as the copy that made it is done, so a rerun knows what is already in the target even
 * after a crash; {@link #writeMap()} writes the JSON object the transforms read. Both kinds of id are
 * unique within their bucket or pool, so the map is keyed by the old id alone.
 */
public final class IdMapJournal implements AutoCloseable {
    private final Path journal;
    private final Path map;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, String> pairs = new ConcurrentHashMap<>();
    private final AtomicLong collisions = new AtomicLong();
    private BufferedWriter writer;

    public IdMapJournal(Path map) throws IOException {
        this.map = map;
        this.journal = map.resolveSibling(map.getFileName().toString().replaceFirst("\\.json$", "") + ".jsonl");
        if (Files.exists(journal)) {
            for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    JsonNode entry = mapper.readTree(line);
                    pairs.put(entry.path("old").asText(), entry.path("new").asText());
                }
            }
        }
    }

    /** The new id an earlier copy gave this old one, or null. */
    public String copiedAs(String oldId) {
        return pairs.get(oldId);
    }

    public synchronized void record(String key, String oldId, String newId) {
        String previous = pairs.putIfAbsent(oldId, newId);
        if (previous != null) {
            if (!previous.equals(newId)) {
                collisions.incrementAndGet();
            }
            return;
        }
        ObjectNode entry = mapper.createObjectNode().put("key", key).put("old", oldId).put("new", newId);
        try {
            if (writer == null) {
                OwnerOnlyFiles.createDirectories(journal.getParent());
                if (!Files.exists(journal)) {
                    OwnerOnlyFiles.createFile(journal);
                }
                writer = Files.newBufferedWriter(journal, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            }
            writer.write(mapper.writeValueAsString(entry));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + journal, e);
        }
    }

    public int size() {
        return pairs.size();
    }

    /** Old ids seen twice with different new ids (should never happen). */
    public long collisions() {
        return collisions.get();
    }

    /** Writes the whole map as one JSON object, atomically; returns its path. */
    public Path writeMap() throws IOException {
        OwnerOnlyFiles.createDirectories(map.getParent());
        OwnerOnlyFiles.writeAtomically(map, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(new TreeMap<>(pairs)));
        return map;
    }

    @Override
    public synchronized void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
    }
}
