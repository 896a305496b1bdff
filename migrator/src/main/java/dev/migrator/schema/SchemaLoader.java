package dev.migrator.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
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
            locations = SourceLocations.read(parser);
            root = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            return syntaxError(file, e);
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

    private static LoadResult syntaxError(Path file, JsonProcessingException e) {
        var location = e.getLocation();
        String message = e.getOriginalMessage();
        String hint = e instanceof JsonParseException && message.contains("Duplicate field")
                ? "each property may appear once per object; remove one of them"
                : "fix the JSON syntax (a missing comma, quote or bracket is the usual cause)";
        Problem problem = new Problem(Problem.Severity.ERROR, file, "",
                location == null ? 0 : location.getLineNr(), location == null ? 0 : location.getColumnNr(),
                "not valid JSON: " + message, hint);
        return new LoadResult.Invalid(file, java.util.List.of(problem));
    }
}
