package dev.migrator.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in test resources invalid/ fails with its expected pointer, message, line and a fix. */
class InvalidSchemaFixturesTest {
    private static final Path DIRECTORY = directory();

    static Stream<Arguments> fixtures() throws IOException {
        JsonNode expectations = new ObjectMapper().readTree(DIRECTORY.resolve("expectations.json").toFile());
        List<Arguments> arguments = new ArrayList<>();
        expectations.forEach(e -> arguments.add(Arguments.of(e.get("file").asText(), e.get("pointer").asText(),
                e.get("message").asText(), e.path("hint").asText(""))));
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} fails at ''{1}''")
    @MethodSource("fixtures")
    void failsAtItsPointerWithItsMessage(String file, String pointer, String message, String hint) throws IOException {
        Path path = DIRECTORY.resolve(file);
        LoadResult result = new SchemaLoader().load(path);

        assertThat(result).isInstanceOf(LoadResult.Invalid.class);
        assertThat(result.problems())
                .as("problems of %s", file)
                .anySatisfy(p -> {
                    assertThat(p.isError()).isTrue();
                    assertThat(p.pointer()).isEqualTo(pointer);
                    assertThat(p.message()).contains(message);
                    assertThat(p.hint()).isNotBlank().contains(hint);
                    assertThat(p.file()).isEqualTo(path);
                    assertThat(p.line()).isPositive();
                    assertLinePointsAt(path, p);
                });
    }

    /** The reported line holds the pointer's last property name (array elements and the root excepted). */
    private static void assertLinePointsAt(Path file, Problem problem) throws IOException {
        String last = problem.pointer().substring(problem.pointer().lastIndexOf('/') + 1);
        if (problem.pointer().isEmpty() || last.matches("\\d+")) {
            return;
        }
        String line = Files.readAllLines(file).get(problem.line() - 1);
        assertThat(line).as("line %d of %s", problem.line(), file).contains("\"" + last + "\"");
    }

    private static Path directory() {
        try {
            return Path.of(InvalidSchemaFixturesTest.class.getClassLoader().getResource("invalid/expectations.json").toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
