package dev.migrator.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.migrator.testkit.Items;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

public class ItemTransformerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ItemTransformer compile(String transformsJson, Path dir) throws Exception {
        Path schema = Files.writeString(dir.resolve("s.json"), """
                {"schemaVersion": "1.0", "source": {"region": "us-east-1"}, "target": {"region": "us-west-2"},
                 "buckets": [{"name": "assets", "source": "a-bucket", "target": "b-bucket"}],
                 "tables": [{"source": "aaa", "target": "bbb", "transforms": %s}]}
                """.formatted(transformsJson));
        var result = new dev.migrator.schema.SchemaLoader().load(schema);
        assertThat(result.problems()).isEmpty();
        var table = ((dev.migrator.schema.LoadResult.Valid) result).schema().tables().get(0);
        return ItemTransformer.compile(table.transforms(), new ValueMaps(new dev.migrator.support.RunLayout(dir)));
    }

    @Test
    void renamesAndCopiesKeepEveryTypeExactly(@TempDir Path dir) throws Exception {
        ItemTransformer t = compile("""
                [{"op": "rename", "from": "n38", "to": "moved.n38"}, {"op": "copy", "from": "nested.list[0].c", "to": "c"},
                 {"op": "rename", "from": "bin", "to": "bin2"}]""", dir);
        Map<String, AttributeValue> out = t.apply(Items.everyType());

        assertThat(out.get("moved").m().get("n38").n()).isEqualTo("12345678901234567890123456789012345678");
        assertThat(out.get("c").n()).isEqualTo("007");
        assertThat(out.get("bin2").b().asByteArray()).containsExactly(0, 0xff, 10);
        assertThat(out).doesNotContainKeys("n38", "bin");
        for (String same : List.of("pk", "tiny", "ss", "ns", "bs", "bool", "nul", "emptyS", "emptyL", "emptyM", "nested")) {
            assertThat(out.get(same)).as(same).isEqualTo(Items.everyType().get(same));
        }
    }

    @Test
    void dynamoJsonRoundTripsEveryType() {
        var json = DynamoJson.item(Items.everyType());
        assertThat(DynamoJson.item(json)).isEqualTo(Items.everyType());
    }

    @Test
    void reshapesAVamsAssetAsTheV22UpgradeDid(@TempDir Path dir) throws Exception {
        ItemTransformer t = compile("""
                [{"op": "format", "path": "assetLocation.Key", "template": "{prefix}{assetId}/", "values": {"prefix": "db-1/"}},
                 {"op": "coalesce", "path": "currentVersionId", "from": ["currentVersion.Version", "versions[0].Version"],
                  "default": {"S": "0"}},
                 {"op": "set", "path": "bucketId", "value": {"S": "bucket-1"}},
                 {"op": "remove", "path": "versions"}, {"op": "remove", "path": "currentVersion"}]""", dir);
        Map<String, AttributeValue> asset = Map.of("databaseId", AttributeValue.fromS("db-1"), "assetId", AttributeValue.fromS("x1"),
                "assetLocation", AttributeValue.fromM(Map.of("Key", AttributeValue.fromS("old/key.glb"))),
                "versions", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("Version", AttributeValue.fromS("3"))))));

        Map<String, AttributeValue> out = t.apply(asset);

        assertThat(out.get("assetLocation").m().get("Key").s()).isEqualTo("db-1/x1/");
        assertThat(out.get("currentVersionId").s()).isEqualTo("3");
        assertThat(out.get("bucketId").s()).isEqualTo("bucket-1");
        assertThat(out).doesNotContainKeys("versions", "currentVersion");
    }

    @Test
    void mapsEveryListElementThroughTheRunsVersionMap(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("maps"));
        JSON.writeValue(new dev.migrator.support.RunLayout(dir).s3VersionsMap("assets").toFile(), Map.of("old-1", "new-1", "old-2", "new-2"));
        ItemTransformer t = compile("""
                [{"op": "map", "path": "currentVersion.S3Version", "using": "s3-versions:assets"},
                 {"op": "map", "path": "versions[*].S3Version", "using": "s3-versions:assets"}]""", dir);
        AttributeValue v1 = AttributeValue.fromM(Map.of("S3Version", AttributeValue.fromS("old-1")));
        AttributeValue v2 = AttributeValue.fromM(Map.of("S3Version", AttributeValue.fromS("old-2")));

        Map<String, AttributeValue> out = t.apply(Map.of("currentVersion", v2, "versions", AttributeValue.fromL(List.of(v1, v2))));

        assertThat(out.get("currentVersion").m().get("S3Version").s()).isEqualTo("new-2");
        assertThat(out.get("versions").l()).extracting(v -> v.m().get("S3Version").s()).containsExactly("new-1", "new-2");
    }

    @Test
    void failuresNameTheirReason(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("subs.json"), "{\"sub-a\": \"sub-b\"}");
        ItemTransformer format = compile("[{\"op\": \"format\", \"path\": \"k\", \"template\": \"{missing}/\"}]", dir);
        assertThatThrownBy(() -> format.apply(Map.of("a", AttributeValue.fromS("x"))))
                .isInstanceOf(TransformFailure.class).hasMessageContaining("{missing} has no string or number value");
        ItemTransformer strict = compile("[{\"op\": \"map\", \"path\": \"owner\", \"using\": \"file:subs.json\", \"onMissing\": \"fail\"}]", dir);
        assertThat(strict.apply(Map.of("owner", AttributeValue.fromS("sub-a"))).get("owner").s()).isEqualTo("sub-b");
        assertThatThrownBy(() -> strict.apply(Map.of("owner", AttributeValue.fromS("sub-z"))))
                .hasMessageContaining("no new value for [sub-z]");
        assertThat(Optional.ofNullable(compile("[{\"op\": \"remove\", \"path\": \"a.b.c\"}]", dir)
                .apply(Map.of("x", AttributeValue.fromS("1"))).get("a"))).isEmpty();
    }
}
