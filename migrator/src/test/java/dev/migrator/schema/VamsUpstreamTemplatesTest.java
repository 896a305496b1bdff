package dev.migrator.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.model.SchemaFormat;
import dev.migrator.transform.Transform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The VAMS project's own template files, verbatim: placeholders fail at their pointers; filled in, they load. */
class VamsUpstreamTemplatesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("(S3Bucket|DynamoDBTable)_(Old|New)Stack_Name");

    @ParameterizedTest
    @ValueSource(strings = {"MigrationSchema_v1.X_to_v2.0.template.json",
        "MigrationSchema_v1.X_to_v2.0.template.v2.0.0-tag.json", "MigrationSchema_v2.0_to_v2.0.template.json"})
    void placeholdersFailAtEveryPointer(String name) throws Exception {
        Path file = upstream(name);
        LoadResult result = new SchemaLoader().load(file);

        assertThat(result).isInstanceOf(LoadResult.Invalid.class);
        int pairs = countOf(file, "bucketDescriptor") + countOf(file, "tableDescriptor");
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < countOf(file, "bucketDescriptor"); i++) {
            expected.add("/VAMS_S3Bucket_Mapping/" + i + "/buckets/from");
            expected.add("/VAMS_S3Bucket_Mapping/" + i + "/buckets/to");
        }
        for (int i = 0; i < countOf(file, "tableDescriptor"); i++) {
            expected.add("/VAMS_DynamoDBTable_Mapping/" + i + "/tables/from");
            expected.add("/VAMS_DynamoDBTable_Mapping/" + i + "/tables/to");
        }
        assertThat(result.problems()).extracting(Problem::pointer).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(result.problems()).hasSize(pairs * 2)
                .allSatisfy(p -> assertThat(p.message()).startsWith("not filled in"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MigrationSchema_v1.X_to_v2.0.template.json",
        "MigrationSchema_v1.X_to_v2.0.template.v2.0.0-tag.json", "MigrationSchema_v2.0_to_v2.0.template.json"})
    void filledInTheyLoad(String name, @TempDir Path dir) throws Exception {
        Path file = fillIn(upstream(name), dir.resolve(name));
        LoadResult result = new SchemaLoader().load(file);

        assertThat(result.problems()).isEmpty();
        var schema = ((LoadResult.Valid) result).schema();
        assertThat(schema.format()).isEqualTo(SchemaFormat.VAMS);
        assertThat(schema.tables()).hasSize(countOf(file, "tableDescriptor"));
        assertThat(schema.buckets()).hasSize(countOf(file, "bucketDescriptor"));
        assertThat(schema.tables()).allSatisfy(t -> assertThat(t.transforms()).isEmpty());
        assertThat(schema.source().region()).isEqualTo("us-east-1");
    }

    @Test
    void attributesEntriesBecomeRenames(@TempDir Path dir) throws Exception {
        String text = Files.readString(fillIn(upstream("MigrationSchema_v2.0_to_v2.0.template.json"), dir.resolve("a.json")))
                .replaceFirst("\"from\": \"\",\\s*\"to\": \"\"", "\"from\": \"assetName\", \"to\": \"name\"");
        Path file = Files.writeString(dir.resolve("renamed.json"), text);

        var schema = ((LoadResult.Valid) new SchemaLoader().load(file)).schema();

        assertThat(schema.tables().get(0).transforms()).singleElement().isInstanceOfSatisfying(Transform.Rename.class,
                r -> {
                    assertThat(r.from().text()).isEqualTo("assetName");
                    assertThat(r.to().text()).isEqualTo("name");
                });
    }

    static Path upstream(String name) throws Exception {
        return Path.of(VamsUpstreamTemplatesTest.class.getClassLoader().getResource("vams-upstream/" + name).toURI());
    }

    /** Replaces each placeholder with a distinct, valid name. */
    static Path fillIn(Path template, Path destination) throws IOException {
        Matcher m = PLACEHOLDER.matcher(Files.readString(template));
        StringBuilder filled = new StringBuilder();
        int n = 0;
        while (m.find()) {
            String kind = m.group(1).equals("S3Bucket") ? "bucket" : "table";
            m.appendReplacement(filled, "vams-" + m.group(2).toLowerCase() + "-" + kind + "-" + n++);
        }
        m.appendTail(filled);
        return Files.writeString(destination, filled.toString(), StandardCharsets.UTF_8);
    }

    private static int countOf(Path file, String word) throws IOException {
        return Files.readString(file).split("\"" + word + "\"", -1).length - 1;
    }
}
