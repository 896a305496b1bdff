package dev.migrator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.migrator.model.SchemaFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Structural validation of a schema file against the JSON Schema (draft 2020-12) of its format,
 * shipped in {@code schemas/}. Each message is turned into a problem with a pointer and a fix.
 */
public final class JsonSchemaCheck {
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<SchemaFormat, JsonNode> schemaTrees = new EnumMap<>(SchemaFormat.class);
    private final Map<SchemaFormat, JsonSchema> schemas = new EnumMap<>(SchemaFormat.class);

    public void check(SchemaFormat format, JsonNode document, ProblemCollector problems) {
        List<ValidationMessage> messages = new ArrayList<>(schemaFor(format).validate(document));
        messages.sort(Comparator.comparing(m -> m.getInstanceLocation().toString()));
        for (ValidationMessage message : messages) {
            if (isSummaryOfOthers(message)) {
                continue;
            }
            String pointer = pointerOf(message);
            problems.error(pointer, describe(message, pointer), hint(format, message, pointer));
        }
    }

    /** The JSON Schema document of a format, as shipped in the jar. */
    public JsonNode schemaTree(SchemaFormat format) {
        return schemaTrees.computeIfAbsent(format, f -> {
            try (InputStream in = JsonSchemaCheck.class.getClassLoader().getResourceAsStream(f.jsonSchemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + f.jsonSchemaResource());
                }
                return mapper.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private JsonSchema schemaFor(SchemaFormat format) {
        return schemas.computeIfAbsent(format, f -> {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree(f), config);
        });
    }

    /** if/then and allOf failures repeat what their inner messages already say. */
    private static boolean isSummaryOfOthers(ValidationMessage message) {
        return "allOf".equals(message.getType()) || "if".equals(message.getType()) || "then".equals(message.getType());
    }

    private static String pointerOf(ValidationMessage message) {
        String pointer = message.getInstanceLocation().toString();
        if (pointer.equals("/")) {
            pointer = "";
        }
        if ("additionalProperties".equals(message.getType()) && message.getProperty() != null) {
            return pointer + "/" + SourceLocations.escape(message.getProperty());
        }
        return pointer;
    }

    private static String describe(ValidationMessage message, String pointer) {
        String type = message.getType();
        JsonNode value = message.getInstanceNode();
        return switch (type) {
            case "required" -> "required property '" + message.getProperty() + "' is missing";
            case "additionalProperties" -> "unknown property '" + message.getProperty() + "'";
            case "type" -> "is " + nodeType(value) + ", expected " + message.getSchemaNode().asText();
            case "enum" -> "'" + value.asText() + "' is not allowed";
            case "const" -> "'" + value.asText() + "' is not allowed";
            case "minLength" -> value.asText().isEmpty() ? "is empty" : "is too short";
            default -> stripLocation(message.getError() == null ? message.getMessage() : message.getError(), pointer);
        };
    }

    private String hint(SchemaFormat format, ValidationMessage message, String pointer) {
        String type = message.getType();
        return switch (type) {
            case "required" -> "add \"" + message.getProperty() + "\" to the object at " + displayed(pointer)
                    + (message.getProperty().startsWith("VAMS_") ? " (an empty list [] says there is none)" : "");
            case "additionalProperties" -> unknownPropertyHint(format, message);
            case "enum" -> "use one of " + listOf(message.getSchemaNode());
            case "const" -> pointer.equals("/schemaVersion")
                    ? "this migrator reads schemaVersion \"" + SchemaFormat.NATIVE_1_0.version()
                            + "\"; copy a current template with 'migrator templates copy'"
                    : "use " + message.getSchemaNode();
            case "type" -> typeHint(format, message);
            case "minLength" -> "fill in a value";
            case "minItems" -> "list at least one entry";
            case "propertyNames", "minProperties", "maxProperties" -> pointer.contains("/transforms/")
                    ? "write the value in DynamoDB JSON with exactly one type key, e.g. {\"S\": \"text\"} or {\"N\": \"42\"}"
                    : "see " + format.jsonSchemaResource();
            case "pattern" -> "the value must match " + message.getSchemaNode().asText();
            default -> "see " + format.jsonSchemaResource() + " for what is allowed here";
        };
    }

    /** "write an object here: one of itemsPerSecond, ..." names what the expected object holds. */
    private String typeHint(SchemaFormat format, ValidationMessage message) {
        String expected = message.getSchemaNode().asText();
        String article = expected.matches("[aeiou].*") ? "an " : "a ";
        if (!"object".equals(expected)) {
            return "write " + article + expected + " here";
        }
        List<String> known = propertiesNear(format, message);
        String location = message.getSchemaLocation().getFragment().toString();
        boolean exactlyOne = schemaTree(format).at(location.substring(0, Math.max(0, location.lastIndexOf('/'))).replace("#", "")
                + "/maxProperties").asInt(0) == 1;
        String which = known.size() == 1 ? "" : exactlyOne ? "exactly one of " : "any of ";
        return known.isEmpty() ? "write an object here"
                : "write an object here with " + which + String.join(", ", known) + ", e.g. {\"" + known.get(0) + "\": ...}";
    }

    /** The property names the schema declares beside the keyword that failed. */
    private List<String> propertiesNear(SchemaFormat format, ValidationMessage message) {
        String location = message.getSchemaLocation().getFragment().toString();
        String parent = location.substring(0, Math.max(0, location.lastIndexOf('/')));
        JsonNode properties = schemaTree(format).at(parent.replace("#", "") + "/properties");
        return StreamSupport.stream(((Iterable<String>) properties::fieldNames).spliterator(), false).toList();
    }

    private String unknownPropertyHint(SchemaFormat format, ValidationMessage message) {
        List<String> known = propertiesNear(format, message);
        String closest = Suggestions.closest(message.getProperty(), known);
        String knownList = "known properties here: " + String.join(", ", known);
        return closest == null ? "remove it; " + knownList : "did you mean \"" + closest + "\"? " + knownList;
    }

    private static String displayed(String pointer) {
        return pointer.isEmpty() ? "the top level" : pointer;
    }

    private static String listOf(JsonNode node) {
        if (node == null || !node.isArray()) {
            return String.valueOf(node);
        }
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(v.toString()));
        return String.join(", ", values);
    }

    private static String nodeType(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        return node.getNodeType().name().toLowerCase();
    }

    private static String stripLocation(String message, String pointer) {
        String prefix = (pointer.isEmpty() ? "/" : pointer) + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
