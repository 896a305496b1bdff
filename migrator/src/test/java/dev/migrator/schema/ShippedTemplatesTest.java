package dev.migrator.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.model.SchemaFormat;
import dev.migrator.template.TemplateCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** migrator's own templates: only placeholders keep them from loading; filled in, they are valid. */
class ShippedTemplatesTest {
    private final TemplateCatalog catalog = new TemplateCatalog();

    static Stream<String> templates() {
        return new TemplateCatalog().list().stream().map(TemplateCatalog.Template::name);
    }

    @Test
    void listsTheThreeVamsUpgradePaths() {
        assertThat(templates()).containsExactly("vams-v1.X-to-v2.0", "vams-v2.0-to-v2.0", "vams-v2.1-to-v2.1");
    }

    @ParameterizedTest
    @MethodSource("templates")
    void onlyPlaceholdersAreReported(String name, @TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve(name + ".json"), catalog.content(catalog.find(name).orElseThrow()));

        LoadResult result = new SchemaLoader().load(file);

        assertThat(result).isInstanceOf(LoadResult.Invalid.class);
        assertThat(result.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.message()).startsWith("not filled in"));
    }

    @ParameterizedTest
    @MethodSource("templates")
    void filledInTheyAreValid(String name, @TempDir Path dir) throws Exception {
        String text = new String(catalog.content(catalog.find(name).orElseThrow()));
        Path file = Files.writeString(dir.resolve(name + ".json"), fillIn(text));

        LoadResult result = new SchemaLoader().load(file);

        assertThat(result.problems()).isEmpty();
        assertThat(((LoadResult.Valid) result).schema().format()).isEqualTo(SchemaFormat.NATIVE_1_0);
    }

    @Test
    void fixesTheUpstreamDefects() {
        String v1 = new String(catalog.content(catalog.find("vams-v1.X-to-v2.0").orElseThrow()));
        String v20 = new String(catalog.content(catalog.find("vams-v2.0-to-v2.0").orElseThrow()));
        assertThat(v1).doesNotContain("\"name\": \"commentStorageTable\"").doesNotContain("\"name\": \"assetAuxiliaryStorageBucket\"");
        assertThat(v20).contains("\"name\": \"assetLinksStorageTable\"").contains("seededKeys");
    }

    @Test
    void shippedExamplesAreValid() throws Exception {
        for (String name : java.util.List.of("MigrationSchema_local.json", "MigrationSchema_redis.json")) {
            Path example = Path.of(getClass().getClassLoader().getResource("examples/" + name).toURI());
            assertThat(new SchemaLoader().load(example).problems()).as(name).isEmpty();
        }
    }

    /** Distinct valid names for every placeholder kind. */
    static String fillIn(String text) {
        int[] n = {0};
        return java.util.regex.Pattern.compile("S3Bucket_(Old|New)Stack_Name|DynamoDBTable_(Old|New)Stack_Name"
                        + "|CognitoUserPool_(Old|New)Stack_Id|<admin-user-id-of-stack-B>")
                .matcher(text).replaceAll(m -> {
                    String p = m.group();
                    if (p.startsWith("S3Bucket")) {
                        return "bucket-" + n[0]++;
                    }
                    if (p.startsWith("DynamoDBTable")) {
                        return "table-" + n[0]++;
                    }
                    if (p.startsWith("CognitoUserPool")) {
                        return "us-east-1_pool" + n[0]++;
                    }
                    return "admin@example.com";
                });
    }
}
