package dev.migrator.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * Replays one step's dead-letter file: its entries are read one at a time (never the whole file in
 * memory) and handed to the step; whatever fails again goes to {@link #stillFailing()}, a fresh file.
 * Only once every entry was tried does {@link #commit()} keep the old file under {@code replayed/} and
 * put the fresh one in its place atomically (or remove it when nothing failed again). Interrupted, the
 * old file stays as it was and a later replay tries every entry again; replaying is idempotent.
 */
public final class DeadLetterReplay implements AutoCloseable {
    /** What the step does with one entry; a failure is written to {@link #stillFailing()}, not thrown. */
    public interface Handler {
        void replay(ObjectNode entry) throws IOException, InterruptedException;
    }

    private final Path original;
    private final Path fresh;
    private final DeadLetterFile stillFailing;
    private final ObjectMapper mapper = new ObjectMapper();
    private boolean committed;

    public DeadLetterReplay(Path original) throws IOException {
        this.original = original;
        this.fresh = original.resolveSibling(original.getFileName() + ".replaying");
        Files.deleteIfExists(fresh);
        this.stillFailing = new DeadLetterFile(fresh);
    }

    public Path original() {
        return original;
    }

    /** Where entries that fail again go. */
    public DeadLetterFile stillFailing() {
        return stillFailing;
    }

    public long countEntries() throws IOException {
        try (var lines = Files.lines(original, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).count();
        }
    }

    /** Hands every entry, in file order, to {@code handler}. */
    public void forEach(Handler handler) throws IOException, InterruptedException {
        try (BufferedReader reader = Files.newBufferedReader(original, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode entry = mapper.readTree(line);
                if (!(entry instanceof ObjectNode object)) {
                    throw new IOException(original + " line " + number + " is not a dead-letter entry (a JSON object)");
                }
                handler.replay(object);
            }
        }
    }

    /**
     * Every entry was tried: keeps the old file as {@code replayed/<name>-<time>.jsonl}, then moves the
     * entries that failed again into its place, or removes it when there are none. Returns the step's
     * outputs: the copy kept, how many still fail and, if any, where they are.
     */
    public java.util.Map<String, String> commit() throws IOException {
        stillFailing.close();
        Path archive = DeadLetterFile.asidePath(original, "replayed", Instant.now());
        Files.copy(original, archive, StandardCopyOption.COPY_ATTRIBUTES);
        if (stillFailing.count() > 0) {
            Files.move(fresh, original, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.delete(original);
        }
        committed = true;
        java.util.Map<String, String> outputs = new java.util.LinkedHashMap<>();
        outputs.put("replayed", archive.toString());
        outputs.put("stillFailing", String.valueOf(stillFailing.count()));
        if (stillFailing.count() > 0) {
            outputs.put("deadLetters", original.toString());
        }
        return outputs;
    }

    /** Without a commit, the fresh file is dropped and the old one stays: the replay can simply be run again. */
    @Override
    public void close() throws IOException {
        stillFailing.close();
        if (!committed) {
            Files.deleteIfExists(fresh);
        }
    }
}
