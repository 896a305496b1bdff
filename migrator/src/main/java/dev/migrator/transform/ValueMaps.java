package dev.migrator.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.support.RunLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the old-to-new maps that map transforms use: maps written by other steps of the run (where
 * {@link RunLayout} says), and map files the schema names.
 */
public final class ValueMaps {
    private final RunLayout layout;

    public ValueMaps(RunLayout layout) {
        this.layout = layout;
    }

    /** Before any run (plan --sample): the steps' maps are not written yet and read as empty; map files are read. */
    public static ValueMaps beforeAnyRun() {
        return new ValueMaps(null);
    }

    /** The map's pairs; a step's map that was not written (the step copied nothing) is empty. */
    public Map<String, String> load(ValueMapReference reference) throws IOException {
        Path file;
        boolean mustExist;
        if (layout == null && !(reference instanceof ValueMapReference.MapFile)) {
            return Map.of();
        }
        Optional<String> runMap = reference.runMapName();
        if (runMap.isPresent()) {
            file = layout.mapsDirectory().resolve(runMap.get());
            mustExist = false;
        } else {
            file = ((ValueMapReference.MapFile) reference).file();
            mustExist = true;
        }
        if (!Files.exists(file) && !mustExist) {
            return Map.of();
        }
        JsonNode node = new ObjectMapper().readTree(file.toFile());
        if (!node.isObject()) {
            throw new IOException(file + " is not a JSON object of old to new values");
        }
        Map<String, String> map = new HashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
