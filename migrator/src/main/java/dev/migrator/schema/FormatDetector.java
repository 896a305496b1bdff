package dev.migrator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrator.model.SchemaFormat;
import java.util.Optional;

/** Tells the VAMS format from the native one, and which native version a file claims. */
final class FormatDetector {
    private FormatDetector() {}

    static Optional<SchemaFormat> detect(JsonNode root, ProblemCollector problems) {
        if (!root.isObject()) {
            problems.error("", "a MigrationSchema is a JSON object, this file holds " + root.getNodeType().name().toLowerCase(),
                    "start from a template: 'migrator templates copy NAME FILE'");
            return Optional.empty();
        }
        if (root.has("schemaVersion")) {
            JsonNode version = root.get("schemaVersion");
            for (SchemaFormat format : SchemaFormat.values()) {
                if (format != SchemaFormat.VAMS && format.version().equals(version.asText()) && version.isTextual()) {
                    return Optional.of(format);
                }
            }
            problems.error("/schemaVersion", "schemaVersion " + version + " is not one this migrator reads",
                    "use \"" + SchemaFormat.NATIVE_1_0.version() + "\" (a string); 'migrator templates' lists current templates");
            return Optional.empty();
        }
        if (root.has("regionFrom") || root.has("regionTo") || root.has("VAMS_S3Bucket_Mapping")
                || root.has("VAMS_DynamoDBTable_Mapping")) {
            return Optional.of(SchemaFormat.VAMS);
        }
        problems.error("", "neither a migrator schema (no \"schemaVersion\") nor a VAMS schema (no \"regionFrom\")",
                "add \"schemaVersion\": \"1.0\", or start from a template: 'migrator templates'");
        return Optional.empty();
    }
}
