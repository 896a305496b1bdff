package dev.migrator.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.model.MigrationSchema;
import dev.migrator.model.SchemaFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a schema file and reports everything wrong with it at once: JSON syntax, the format's JSON
 * Schema, placeholders left from a template, and semantic rules. Makes no AWS request.
 */
public final class SchemaLoader {
    private final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    private final JsonSchemaCheck jsonSchemaCheck = new JsonSchemaCheck();

    public LoadResult load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            ProblemCollector problems = new ProblemCollector(file, SourceLocations.empty());
            problems.error("", "cannot read the file: " + e, "check the path and its permissions");
            return new LoadResult.Invalid(file, problems.problems());
        }
        return load(file, bytes);
    }

    public LoadResult load(Path file, byte[] bytes) {
        SourceLocations locations;
        JsonNode root;
        try (JsonParser parser = mapper.getFactory().createParser(bytes)) {
            try {
                locations = SourceLocations.read(parser);
            } catch (JsonProcessingException e) {
                return syntaxError(file, bytes, e, parser.currentLocation());
            }
            root = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            return syntaxError(file, bytes, e, null);
        } catch (IOException e) {
            ProblemCollector problems = new ProblemCollector(file, SourceLocations.empty());
            problems.error("", "cannot read the file: " + e.getMessage(), "check the file");
            return new LoadResult.Invalid(file, problems.problems());
        }
        ProblemCollector problems = new ProblemCollector(file, locations);
        Optional<SchemaFormat> format = FormatDetector.detect(root, problems);
        if (format.isEmpty()) {
            return new LoadResult.Invalid(file, problems.problems());
        }
        jsonSchemaCheck.check(format.get(), root, problems);
        Set<String> placeholders = new PlaceholderCheck().check(root, problems);
        if (problems.problems().stream().anyMatch(p -> p.isError() && !placeholders.contains(p.pointer()))) {
            return new LoadResult.Invalid(file, problems.problems()); // the structure is off; the model cannot be read
        }
        MigrationSchema schema = format.get() == SchemaFormat.VAMS
                ? new VamsReader().read(file, root, problems)
                : new NativeReader().read(file, root, problems);
        new SemanticCheck(schema, root, placeholders, problems).run();
        return problems.hasErrors()
                ? new LoadResult.Invalid(file, problems.problems())
                : new LoadResult.Valid(schema, problems.problems());
    }

    /**
     * A syntax error, placed at the exception's location or, where it has none (a nesting limit), where
     * the parser stood; the hint names the likely cause.
     */
    private static LoadResult syntaxError(Path file, byte[] bytes, JsonProcessingException e, JsonLocation parserAt) {
        JsonLocation location = e.getLocation() != null ? e.getLocation() : parserAt;
        String message = e.getOriginalMessage();
        String hint;
        if (e instanceof SourceLocations.TrailingText) {
            hint = "a schema file holds one JSON document: remove everything after its closing '}' "
                    + "(a second document, a stray bracket or a merge left-over)";
        } else if (e instanceof StreamConstraintsException) {
            message = "the document is nested too deep (" + message.replaceFirst(" \\(.*", "") + ")";
            hint = "a MigrationSchema nests a few levels deep; look for brackets opened and never closed";
        } else if (looksLikeYaml(file, bytes)) {
            message = "migrator reads JSON only, and this looks like YAML (" + message + ")";
            hint = "convert it to JSON (for example 'yq -o=json " + file.getFileName() + "'), or start from a template: "
                    + "'migrator templates copy NAME FILE'";
        } else if (e instanceof JsonParseException && message.contains("Duplicate field")) {
            hint = "each property may appear once per object; remove one of them";
        } else {
            hint = "fix the JSON syntax (a missing comma, quote or bracket is the usual cause)";
        }
        Problem problem = new Problem(Problem.Severity.ERROR, file, "",
                location == null ? 0 : location.getLineNr(), location == null ? 0 : location.getColumnNr(),
                "not valid JSON: " + message, hint);
        return new LoadResult.Invalid(file, java.util.List.of(problem));
    }

    private static boolean looksLikeYaml(Path file, byte[] bytes) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return true;
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).stripLeading();
        return text.startsWith("---") || text.matches("(?s)^[A-Za-z_\"'][^\n{]*:\\s.*");
    }
}
