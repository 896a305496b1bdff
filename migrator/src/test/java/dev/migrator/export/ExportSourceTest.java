package dev.migrator.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.testkit.Cli;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import dev.migrator.testkit.TableWrites;
import dev.migrator.transform.DynamoJson;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A table's bulk copy read from a DynamoDB export in S3 instead of a Scan: laid out as the documentation
 * describes it (DynamoDB Local has no exports; moto writes none of the manifests), in S3Proxy. The target gets
 * exactly the snapshot, every type intact; shards deal out the data files.
 */
@ExtendWith(LocalAwsExtension.class)
class ExportSourceTest {
    private static final String REGION = "us-east-1";
    private static final int ITEMS = 1_500;
    private static final String EXPORT_ID = "01700000000000-a1b2c3d4";

    @Test
    void theTargetGetsTheSnapshotNotWhatTheTableHoldsNow(LocalAws aws, @TempDir Path dir) throws Exception {
        Setup setup = setup(aws, dir, "exp");
        StringWriter out = new StringWriter();
        assertThat(Cli.run(out, "run", setup.schema.toString(), "--no-verify", "--state-dir", dir.resolve("state").toString()))
                .as(out.toString()).isZero();
        assertThat(out.toString()).contains("table:t done: " + ITEMS + " read, " + ITEMS + " written");

        try (DynamoDbClient ddb = aws.dynamoDb(REGION)) {
            Map<String, Map<String, AttributeValue>> copied = new HashMap<>();
            ddb.scanPaginator(r -> r.tableName(setup.target)).items().forEach(i -> copied.put(i.get("pk").s(), i));
            assertThat(copied).hasSize(ITEMS).doesNotContainKey("written-after-the-snapshot");
            for (int i = 0; i < ITEMS; i += 97) {
                assertThat(copied.get("item-" + i)).isEqualTo(item(i));
            }
        }
        JsonNode report = new ObjectMapper().readTree(newest(dir, "report.json").toFile());
        assertThat(report.path("results").get(0).path("outputs").path("source").asText())
                .startsWith("export " + setup.exportArn + " (snapshot of 2026-11-30T23:00:00Z, " + ITEMS + " items)");
        assertThat(report.path("results").get(0).path("outputs").path("segments").asText()).isEqualTo("3 export data files");
    }

    @Test
    void twoShardsReadTheDataFilesBetweenThemAndAMissingExportIsRefusedByPreflight(LocalAws aws, @TempDir Path dir) throws Exception {
        Setup setup = setup(aws, dir, "expsh");
        String state = dir.resolve("state").toString();
        long written = 0;
        for (int shard = 0; shard < 2; shard++) {
            StringWriter out = new StringWriter();
            assertThat(Cli.run(out, "run", setup.schema.toString(), "--shard", shard + "/2", "--state-dir", state)).as(out.toString()).isZero();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("table:t done: \\d+ read, (\\d+) written").matcher(out.toString());
            assertThat(m.find()).as(out.toString()).isTrue();
            written += Long.parseLong(m.group(1));
        }
        assertThat(written).as("items written by the two shards together").isEqualTo(ITEMS);

        Files.writeString(setup.schema, Files.readString(setup.schema).replace(EXPORT_ID, "01700000000001-ffffffff"));
        StringWriter refused = new StringWriter();
        assertThat(Cli.run(refused, "plan", setup.schema.toString())).isEqualTo(3);
        assertThat(refused.toString()).contains("has no manifest-summary.json at s3://" + setup.bucket
                + "/exports/AWSDynamoDB/01700000000001-ffffffff/manifest-summary.json");
    }

    @Test
    void catchUpFromTheExportsTimeBringsTheWritesMadeSinceTheSnapshot(LocalAws aws, @TempDir Path dir) throws Exception {
        Setup setup = setup(aws, dir, "expcu", java.time.Instant.now().minusSeconds(60).toString(), ", \"catchUp\": \"stream\"");
        String state = dir.resolve("state").toString();
        StringWriter run = new StringWriter();
        assertThat(Cli.run(run, "run", setup.schema.toString(), "--no-verify", "--state-dir", state)).as(run.toString()).isZero();
        try (DynamoDbClient ddb = aws.dynamoDb(REGION)) {
            assertThat(ddb.getItem(r -> r.tableName(setup.target).key(Map.of("pk", AttributeValue.fromS("written-after-the-snapshot"))))
                    .hasItem()).as("the export holds the table as it was").isFalse();
        }
        StringWriter sync = new StringWriter();
        assertThat(Cli.run(sync, "sync", setup.schema.toString(), "--state-dir", state, "--until-caught-up", "--interval", "0"))
                .as(sync.toString()).isZero();
        StringWriter verify = new StringWriter();
        assertThat(Cli.run(verify, "verify", setup.schema.toString(), "--state-dir", state)).as(verify.toString()).isZero();
        assertThat(verify.toString()).contains("verify table:t: ok (source " + (ITEMS + 1) + ", target " + (ITEMS + 1));
    }

    private record Setup(Path schema, String target, String bucket, String exportArn) {}

    /** Source and target tables, and an export of the source (3 gzipped data files) in a bucket; the table then gets one more item. */
    private static Setup setup(LocalAws aws, Path dir, String tag) throws Exception {
        return setup(aws, dir, tag, "2026-11-30T23:00:00Z", "");
    }

    /** With the export's time, and {@code pairSettings} added to the pair (a catch-up gives the source a stream). */
    private static Setup setup(LocalAws aws, Path dir, String tag, String exportTime, String pairSettings) throws Exception {
        String source = LocalAws.uniqueName(tag + "-ta");
        String target = LocalAws.uniqueName(tag + "-tb");
        String bucket = LocalAws.uniqueName(tag + "-exports");
        String exportArn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + source + "/export/" + EXPORT_ID;
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add(item(i));
        }
        try (DynamoDbClient ddb = aws.dynamoDb(REGION); S3Client s3 = aws.s3(REGION)) {
            for (String table : new String[] {source, target}) {
                boolean stream = table.equals(source) && pairSettings.contains("catchUp");
                ddb.createTable(r -> r.tableName(table).billingMode("PAY_PER_REQUEST")
                        .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                        .attributeDefinitions(d -> d.attributeName("pk").attributeType("S"))
                        .streamSpecification(x -> x.streamEnabled(stream).streamViewType(stream ? "NEW_AND_OLD_IMAGES" : null)));
            }
            TableWrites.putAll(ddb, source, items);
            s3.createBucket(r -> r.bucket(bucket));
            String base = "exports/AWSDynamoDB/" + EXPORT_ID + "/";
            StringBuilder manifest = new StringBuilder();
            for (int f = 0; f < 3; f++) {
                String key = base + "data/file-" + f + ".json.gz";
                ByteArrayOutputStream gz = new ByteArrayOutputStream();
                int count = 0;
                try (GZIPOutputStream zip = new GZIPOutputStream(gz)) {
                    for (int i = f; i < ITEMS; i += 3) {
                        zip.write(("{\"Item\":" + DynamoJson.item(items.get(i)) + "}\n").getBytes(StandardCharsets.UTF_8));
                        count++;
                    }
                }
                s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(gz.toByteArray()));
                manifest.append("{\"itemCount\":").append(count).append(",\"md5Checksum\":\"x\",\"etag\":\"y\",\"dataFileS3Key\":\"")
                        .append(key).append("\"}\n");
            }
            s3.putObject(r -> r.bucket(bucket).key(base + "manifest-files.json"), RequestBody.fromString(manifest.toString()));
            s3.putObject(r -> r.bucket(bucket).key(base + "manifest-summary.json"), RequestBody.fromString("""
                    {"version":"2020-06-30","exportArn":"%s","startTime":"2026-11-30T23:00:05Z","endTime":"2026-11-30T23:09:00Z",
                     "tableArn":"arn:aws:dynamodb:us-east-1:000000000000:table/%s","exportTime":"%s",
                     "s3Bucket":"%s","s3Prefix":"exports","manifestFilesS3Key":"%smanifest-files.json","billedSizeBytes":0,
                     "itemCount":%d,"outputFormat":"DYNAMODB_JSON"}
                    """.formatted(exportArn, source, exportTime, bucket, base, ITEMS)));
            ddb.putItem(r -> r.tableName(source).item(Map.of("pk", AttributeValue.fromS("written-after-the-snapshot"))));
        }
        String endpoints = "\"endpoints\": {\"s3\": \"" + aws.s3Endpoint() + "\", \"dynamodb\": \"" + aws.dynamoDbEndpoint() + "\"}";
        Path schema = Files.writeString(dir.resolve("schema.json"), """
                {"schemaVersion": "1.0",
                 "source": {"region": "%s", %s}, "target": {"region": "%s", %s},
                 "tables": [{"name": "t", "source": "%s", "target": "%s",
                             "export": {"bucket": "%s", "prefix": "exports", "exportArn": "%s"}%s}]}
                """.formatted(REGION, endpoints, REGION, endpoints, source, target, bucket, exportArn, pairSettings));
        return new Setup(schema, target, bucket, exportArn);
    }

    /** Every DynamoDB type, binary ones too. */
    private static Map<String, AttributeValue> item(int i) {
        return Map.of("pk", AttributeValue.fromS("item-" + i), "n", AttributeValue.fromN(i + ".5"),
                "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) i, 0, (byte) 0xff})),
                "ss", AttributeValue.fromSs(List.of("a", "b" + i)), "ns", AttributeValue.fromNs(List.of("1", String.valueOf(i + 2))),
                "bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x"), SdkBytes.fromUtf8String("y" + i))),
                "m", AttributeValue.fromM(Map.of("deep", AttributeValue.fromL(List.of(AttributeValue.fromBool(i % 2 == 0),
                        AttributeValue.fromNul(true))))), "s", AttributeValue.fromS("ünïcødé " + i));
    }

    private static Path newest(Path dir, String name) throws Exception {
        try (Stream<Path> files = Files.walk(dir.resolve("state"))) {
            return files.filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow();
        }
    }
}
