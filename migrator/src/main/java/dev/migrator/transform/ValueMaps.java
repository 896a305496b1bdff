package dev.migrator.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads the old-to-new maps that map transforms use. Maps written by other steps of the run live in
 * {@code <run directory>/maps/}: {@code s3-versions-<bucket pair>.json}, {@code cognito-subs-<user pool pair>.json}.
 */
public final class ValueMaps {
    private final Path runDirectory;

    public ValueMaps(Path runDirectory) {
        this.runDirectory = runDirectory;
    }

    /** Before any run (plan --sample): the steps' maps are not written yet and read as empty; map files are read. */
    public static ValueMaps beforeAnyRun() {
        return new ValueMaps(null);
    }

    public static Path s3VersionsFile(Path runDirectory, String bucketPair) {
        return runDirectory.resolve("maps").resolve("s3-versions-" + bucketPair + ".json");
    }

    public static Path cognitoSubsFile(Path runDirectory, String userPoolPair) {
        return runDirectory.resolve("maps").resolve("cognito-subs-" + userPoolPair + ".json");
    }

    /** The map's pairs; a step's map that was not written (the step copied nothing) is empty. */
    public Map<String, String> load(ValueMapReference reference) throws IOException {
        Path file;
        boolean mustExist;
        if (runDirectory == null && !(reference instanceof ValueMapReference.MapFile)) {
            return Map.of();
        }
        if (reference instanceof ValueMapReference.S3VersionIds s) {
            file = s3VersionsFile(runDirectory, s.bucketName());
            mustExist = false;
        } else if (reference instanceof ValueMapReference.CognitoSubs c) {
            file = cognitoSubsFile(runDirectory, c.userPoolName());
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
