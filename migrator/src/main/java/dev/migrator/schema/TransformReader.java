package dev.migrator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrator.transform.AttributePath;
import dev.migrator.transform.FormatTemplate;
import dev.migrator.transform.Transform;
import dev.migrator.transform.ValueMapReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a table's {@code transforms} list. Every path, template, constant and map reference is
 * parsed here, so a malformed one is reported at its pointer before anything runs.
 */
final class TransformReader {
    private static final String PATH_HINT = "write a path such as name, a.b, list[0].c or list[*].c; "
            + "put a name holding . [ ] between backticks";

    List<Transform> read(JsonNode nodes, String at, Path schemaDirectory, ProblemCollector problems) {
        List<Transform> transforms = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String pointer = at + "/" + i;
            try {
                transforms.add(one(nodes.get(i), pointer, schemaDirectory));
            } catch (BadField e) {
                problems.error(pointer + "/" + e.field, e.getMessage(), e.hint);
            }
        }
        return transforms;
    }

    private Transform one(JsonNode node, String pointer, Path schemaDirectory) {
        String op = node.path("op").asText();
        return switch (op) {
            case "rename" -> new Transform.Rename(path(node, "from"), path(node, "to"), pointer);
            case "copy" -> new Transform.Copy(path(node, "from"), path(node, "to"), pointer);
            case "remove" -> new Transform.Remove(path(node, "path"), pointer);
            case "set" -> new Transform.SetValue(path(node, "path"), value(node.get("value"), "value"), pointer);
            case "format" -> format(node, pointer);
            case "coalesce" -> coalesce(node, pointer);
            case "map" -> new Transform.MapValue(path(node, "path"), mapReference(node, schemaDirectory),
                    Transform.OnMissing.valueOf(node.path("onMissing").asText("keep").toUpperCase()), pointer);
            default -> throw new BadField("op", "unknown op '" + op + "'",
                    "use one of rename, remove, set, copy, format, coalesce, map");
        };
    }

    private Transform format(JsonNode node, String pointer) {
        FormatTemplate template;
        try {
            template = FormatTemplate.parse(node.path("template").asText());
        } catch (IllegalArgumentException e) {
            throw new BadField("template", "bad template: " + e.getMessage(),
                    "write literal text with {placeholders}, e.g. \"{prefix}{assetId}/\"");
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        for (String name : template.placeholderNames()) {
            if (!values.containsKey(name)) {
                try {
                    AttributePath.parse(name);
                } catch (IllegalArgumentException e) {
                    throw new BadField("template", "placeholder {" + name + "} is neither a declared value nor a path: "
                            + e.getMessage(), "declare it under \"values\" or name an attribute path");
                }
            }
        }
        return new Transform.Format(path(node, "path"), template, values, pointer);
    }

    private Transform coalesce(JsonNode node, String pointer) {
        List<AttributePath> from = new ArrayList<>();
        for (int j = 0; j < node.path("from").size(); j++) {
            from.add(parsePath(node.path("from").get(j).asText(), "from/" + j));
        }
        Optional<JsonNode> fallback = node.has("default") ? Optional.of(value(node.get("default"), "default")) : Optional.empty();
        return new Transform.Coalesce(path(node, "path"), from, fallback, pointer);
    }

    private static ValueMapReference mapReference(JsonNode node, Path schemaDirectory) {
        try {
            return ValueMapReference.parse(node.path("using").asText(), schemaDirectory);
        } catch (IllegalArgumentException e) {
            throw new BadField("using", e.getMessage(), "e.g. \"s3-versions:assetStorageBucket\"");
        }
    }

    private static AttributePath path(JsonNode node, String field) {
        return parsePath(node.path(field).asText(), field);
    }

    private static AttributePath parsePath(String text, String field) {
        try {
            return AttributePath.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadField(field, e.getMessage(), PATH_HINT);
        }
    }

    private static JsonNode value(JsonNode value, String field) {
        String error = DynamoJsonCheck.problem(value);
        if (error != null) {
            throw new BadField(field, "not a valid DynamoDB JSON value: " + error,
                    "e.g. {\"S\": \"text\"}, {\"N\": \"12.5\"}, {\"BOOL\": true}, {\"NULL\": true}, {\"L\": [{\"S\": \"a\"}]}");
        }
        return value;
    }

    private static final class BadField extends IllegalArgumentException {
        final String field;
        final String hint;

        BadField(String field, String message, String hint) {
            super(message);
            this.field = field;
            this.hint = hint;
        }
    }
}
