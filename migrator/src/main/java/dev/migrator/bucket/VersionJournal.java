package dev.migrator.bucket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.run.OwnerOnlyFiles;
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
 * The old -> new S3 version id map of one bucket pair. Each pair is appended to a journal
 * ({@code .jsonl}, flushed per line) as soon as its copy is done, so a rerun knows which versions are
 * already in the target even after a crash; {@link #writeMap()} writes the JSON object the table
 * transforms read. Version ids are unique per bucket, so the map is keyed by the old id alone.
 */
final class VersionJournal implements AutoCloseable {
    private final Path journal;
    private final Path map;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, String> pairs = new ConcurrentHashMap<>();
    private final AtomicLong collisions = new AtomicLong();
    private BufferedWriter writer;

    VersionJournal(Path map) throws IOException {
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

    /** The new version id an earlier copy gave this old one, if any. */
    String copiedAs(String oldVersionId) {
        return pairs.get(oldVersionId);
    }

    synchronized void record(String key, String oldVersionId, String newVersionId) {
        String previous = pairs.putIfAbsent(oldVersionId, newVersionId);
        if (previous != null) {
            if (!previous.equals(newVersionId)) {
                collisions.incrementAndGet();
            }
            return;
        }
        ObjectNode entry = mapper.createObjectNode().put("key", key).put("old", oldVersionId).put("new", newVersionId);
        try {
            if (writer == null) {
                Files.createDirectories(journal.getParent());
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

    int size() {
        return pairs.size();
    }

    /** Old version ids seen twice with different new ids (should never happen on S3). */
    long collisions() {
        return collisions.get();
    }

    /** Writes the whole map as one JSON object, atomically; returns its path. */
    Path writeMap() throws IOException {
        Files.createDirectories(map.getParent());
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
