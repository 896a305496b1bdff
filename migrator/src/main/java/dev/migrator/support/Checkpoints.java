package dev.migrator.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where steps record how far they got, one small JSON file per step, replaced atomically (a crash
 * leaves the previous checkpoint or the new one, never half of one). Owner-only: keys are data.
 */
public record Checkpoints(Path directory) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public Optional<JsonNode> read(String name) {
        Path file = directory.resolve(name + ".json");
        try {
            return Files.exists(file) ? Optional.of(MAPPER.readTree(file.toFile())) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file, e);
        }
    }

    public void write(String name, JsonNode checkpoint) {
        try {
            if (!Files.isDirectory(directory)) {
                OwnerOnlyFiles.createDirectories(directory);
            }
            OwnerOnlyFiles.writeAtomically(directory.resolve(name + ".json"), MAPPER.writeValueAsBytes(checkpoint));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + name, e);
        }
    }

    /** A fresh run starts over: earlier checkpoints would make it skip work. */
    public void clear() throws IOException {
        if (Files.isDirectory(directory)) {
            try (var files = Files.list(directory)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
