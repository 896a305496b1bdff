package dev.migrator.store.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.engine.StepResult;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import dev.migrator.testkit.SchemaBuilder;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/** Versioned buckets (VAMS's are): every version in order, delete markers too, and the version id map the tables use. */
@ExtendWith(LocalAwsExtension.class)
class BucketVersionsTest {

    @Test
    void allVersionsArriveOldestFirstAndTheTablesVersionIdsAreRewritten(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("ver-a");
        String target = LocalAws.uniqueName("ver-b");
        String sourceTable = LocalAws.uniqueName("ver-ta");
        String targetTable = LocalAws.uniqueName("ver-tb");
        try (S3Client s3 = aws.s3("us-east-1"); DynamoDbClient ddb = aws.dynamoDb("us-east-1");
             DynamoDbClient ddbB = aws.dynamoDb("eu-central-1")) {
            BucketFixtures.create(s3, source, true);
            BucketFixtures.create(s3, target, true);
            String a1 = BucketFixtures.put(s3, source, "asset/a.glb", "one".getBytes());
            String a2 = BucketFixtures.put(s3, source, "asset/a.glb", "two!".getBytes());
            s3.deleteObject(r -> r.bucket(source).key("asset/a.glb"));
            BucketFixtures.put(s3, source, "asset/b.glb", "x1".getBytes());
            String b2 = BucketFixtures.put(s3, source, "asset/b.glb", "x2-longer".getBytes());
            BucketFixtures.put(s3, source, "asset/c d+e.glb", BucketFixtures.random(7 * 1024 * 1024, 1));
            for (var table : Map.of(sourceTable, ddb, targetTable, ddbB).entrySet()) {
                table.getValue().createTable(r -> r.tableName(table.getKey()).billingMode("PAY_PER_REQUEST")
                        .keySchema(k -> k.attributeName("assetId").keyType("HASH"))
                        .attributeDefinitions(d -> d.attributeName("assetId").attributeType("S")));
            }
            ddb.putItem(r -> r.tableName(sourceTable).item(Map.of("assetId", AttributeValue.fromS("a"),
                    "currentVersion", AttributeValue.fromM(Map.of("S3Version", AttributeValue.fromS(a2))),
                    "versions", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("S3Version", AttributeValue.fromS(a1))),
                            AttributeValue.fromM(Map.of("S3Version", AttributeValue.fromS(a2))))))));
            ddb.putItem(r -> r.tableName(sourceTable).item(Map.of("assetId", AttributeValue.fromS("b"),
                    "currentVersion", AttributeValue.fromM(Map.of("S3Version", AttributeValue.fromS(b2))))));
            SchemaBuilder builder = BucketSteps.schema(aws.s3Endpoint(), aws, source, target, ", \"versions\": \"all\"")
                    .table("assets", sourceTable, targetTable, Map.of("transforms", List.of(
                            Map.of("op", "map", "path", "currentVersion.S3Version", "using", "s3-versions:b", "onMissing", "fail"),
                            Map.of("op", "map", "path", "versions[*].S3Version", "using", "s3-versions:b", "onMissing", "fail"))));
            Path schema = builder.write(dir.resolve("schema.json"));
            StringWriter out = new StringWriter();

            assertThat(BucketSteps.run(schema, dir, out)).as(out.toString()).isZero();

            assertThat(history(s3, target)).isEqualTo(history(s3, source));
            Path mapFile;
            try (Stream<Path> files = Files.walk(dir.resolve("state"))) {
                mapFile = files.filter(p -> p.getFileName().toString().equals("s3-versions-b.json")).findFirst().orElseThrow();
            }
            Map<String, String> map = new ObjectMapper().readValue(mapFile.toFile(), TreeMap.class);
            assertThat(map).hasSize(6);
            for (var e : map.entrySet()) {
                assertThat(e.getValue()).isNotEqualTo(e.getKey());
            }
            var copiedA = ddbB.getItem(r -> r.tableName(targetTable).key(Map.of("assetId", AttributeValue.fromS("a")))).item();
            assertThat(copiedA.get("currentVersion").m().get("S3Version").s()).isEqualTo(map.get(a2));
            assertThat(copiedA.get("versions").l()).extracting(v -> v.m().get("S3Version").s())
                    .containsExactly(map.get(a1), map.get(a2));
            String newA1 = map.get(a1);
            assertThat(s3.getObjectAsBytes(r -> r.bucket(target).key("asset/a.glb").versionId(newA1)).asUtf8String()).isEqualTo("one");

            StepResult.Completed rerun = (StepResult.Completed) BucketSteps.step(
                    builder.set("buckets", 0, "ifTargetNotEmpty", "overwrite").write(schema), dir.resolve("state").toFile().listFiles()[0].toPath(), aws, null);
            assertThat(rerun.counters()).isEqualTo(new StepResult.Counters(6, 0, 6, 0));
            assertThat(history(s3, target)).isEqualTo(history(s3, source));

            s3.deleteObject(r -> r.bucket(target).key("asset/b.glb").versionId(
                    s3.listObjectVersions(v -> v.bucket(target).prefix("asset/b.glb")).versions().get(1).versionId()));
            BucketFixtures.put(s3, target, "asset/b.glb", "x2-longer".getBytes());
            StringWriter verify = new StringWriter();
            assertThat(dev.migrator.testkit.Cli.run(verify, "verify", schema.toString(), "--state-dir", dir.resolve("state").toString()))
                    .as(verify.toString()).isEqualTo(5);
            assertThat(verify.toString()).contains("different: asset/b.glb: version history [9 B, 2 B] became [9 B, 9 B]")
                    .contains("0 missing, 0 extra, 1 different");
        }
    }

    @Test
    void replayedVersionsArriveInOrderAfterTheOlderOneThatFailed(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("rver-a");
        String target = LocalAws.uniqueName("rver-b");
        try (S3Client s3 = aws.s3("us-east-1")) {
            BucketFixtures.create(s3, source, true);
            BucketFixtures.create(s3, target, true);
            BucketFixtures.put(s3, source, "doc", "one".getBytes());
            BucketFixtures.put(s3, source, "doc", BucketFixtures.random(7 * 1024 * 1024, 9));
            BucketFixtures.put(s3, source, "doc", "three".getBytes());
            BucketFixtures.put(s3, source, "other", "o".getBytes());
            Path schema = BucketSteps.schema(aws, dir, source, target, ", \"versions\": \"all\"");
            BucketGateway real = new SdkBucketGateway(s3, aws.s3Endpoint().toString());

            StepResult.Completed copy = (StepResult.Completed) BucketSteps.step(schema, dir, real, new FaultyBucketGateway(real, 0, 2));

            assertThat(copy.counters()).isEqualTo(new StepResult.Counters(4, 2, 0, 2));
            List<String> letters = Files.readAllLines(Path.of(copy.outputs().get("deadLetters")));
            assertThat(letters).hasSize(2);
            assertThat(letters.get(1)).contains("an older version of this key failed");

            StepResult.Completed replayed = (StepResult.Completed) BucketSteps.replay(schema, dir, real, real);

            assertThat(replayed.counters()).isEqualTo(new StepResult.Counters(2, 2, 0, 0));
            assertThat(history(s3, target)).isEqualTo(history(s3, source));
            Map<String, String> map = new ObjectMapper().readValue(Path.of(replayed.outputs().get("versionMap")).toFile(), TreeMap.class);
            assertThat(map).hasSize(4);
        }
    }

    @Test
    void aCurrentOnlyCopyMapsTheCurrentVersionIds(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("cur-a");
        String target = LocalAws.uniqueName("cur-b");
        try (S3Client s3 = aws.s3("us-east-1")) {
            BucketFixtures.create(s3, source, true);
            BucketFixtures.create(s3, target, true);
            BucketFixtures.put(s3, source, "k", "old".getBytes());
            String current = BucketFixtures.put(s3, source, "k", "new".getBytes());

            StepResult.Completed result = (StepResult.Completed) BucketSteps.step(
                    BucketSteps.schema(aws, dir, source, target, ""), dir, aws, null);

            Map<String, String> map = new ObjectMapper().readValue(Path.of(result.outputs().get("versionMap")).toFile(), TreeMap.class);
            assertThat(map).containsOnlyKeys(current);
            assertThat(s3.getObjectAsBytes(r -> r.bucket(target).key("k").versionId(map.get(current))).asUtf8String()).isEqualTo("new");
            assertThat(s3.listObjectVersions(r -> r.bucket(target)).versions()).hasSize(1);
        }
    }


    /**
     * Each key's history as S3 lists it (newest first): size and content MD5 of each version (ETags of
     * multipart copies differ by design), then the number of delete markers and whether one is current.
     */
    static Map<String, List<String>> history(S3Client s3, String bucket) throws Exception {
        ListObjectVersionsResponse r = s3.listObjectVersions(b -> b.bucket(bucket));
        Map<String, List<String>> history = new TreeMap<>();
        for (var v : r.versions()) {
            byte[] body = s3.getObjectAsBytes(g -> g.bucket(bucket).key(v.key()).versionId(v.versionId())).asByteArray();
            history.computeIfAbsent(v.key(), k -> new ArrayList<>()).add(v.size() + ":" + BucketFixtures.md5(body));
        }
        for (var d : r.deleteMarkers()) {
            history.computeIfAbsent(d.key(), k -> new ArrayList<>()).add(d.isLatest() ? "delete marker (current)" : "delete marker");
        }
        return history;
    }
}
