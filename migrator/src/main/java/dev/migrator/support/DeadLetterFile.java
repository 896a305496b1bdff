package dev.migrator.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * One step's dead letters: a JSON Lines file, one entry per item, object or user that was not
 * copied, with the reason. Created owner-only (it holds customer data); each entry is flushed.
 */
public final class DeadLetterFile implements AutoCloseable {
    private final Path path;
    private final ObjectMapper mapper = new ObjectMapper();
    private BufferedWriter writer;
    private long count;

    /**
     * A fresh run tries every unit again, so the dead letters of earlier runs in {@code directory} are moved to
     * {@code dead-letters/superseded/}: the files then hold this run's failures only, as its report counts them.
     */
    public static void setAsideEarlier(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        List<Path> earlier;
        try (var files = Files.list(directory)) {
            earlier = files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList();
        }
        Instant now = Instant.now();
        for (Path file : earlier) {
            Files.move(file, asidePath(file, "superseded", now));
        }
    }

    /**
     * Where a dead-letter file is kept once it no longer counts: {@code <folder>/<name>-<time>.jsonl} beside
     * it (the folder created owner-only).
     */
    static Path asidePath(Path file, String folder, Instant at) throws IOException {
        Path aside = file.resolveSibling(folder).resolve(file.getFileName().toString().replaceFirst("\\.jsonl$", "")
                + "-" + at.toString().replace(':', '-') + ".jsonl");
        OwnerOnlyFiles.createDirectories(aside.getParent());
        return aside;
    }

    public DeadLetterFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    public synchronized long count() {
        return count;
    }

    public void write(DeadLetterEntry entry) {
        write(entry.toJson());
    }

    public synchronized void write(ObjectNode entry) {
        try {
            if (writer == null) {
                open();
            }
            writer.write(mapper.writeValueAsString(entry));
            writer.newLine();
            writer.flush();
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dead letter to " + path, e);
        }
    }

    private void open() throws IOException {
        OwnerOnlyFiles.createDirectories(path.getParent());
        if (!Files.exists(path)) {
            OwnerOnlyFiles.createFile(path);
        }
        writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // entries were flushed as written
            }
        }
    }
}
