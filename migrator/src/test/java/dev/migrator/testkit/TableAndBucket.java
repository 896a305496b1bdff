package dev.migrator.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A schema with one table pair {@code t} ({@code items} items {@code item-N} of ~230 bytes) and one bucket pair
 * {@code b} ({@code objects} objects {@code assets/NNNNN.bin}) on the local emulators, targets empty.
 */
public final class TableAndBucket {
    private static final String REGION = "us-east-1";

    private TableAndBucket() {}

    /** Seeds both sources and writes {@code schema.json} in {@code dir} with these {@code options} (a JSON object). */
    public static Path seed(LocalAws aws, Path dir, String tag, int items, int objects, String options) throws Exception {
        String sourceTable = LocalAws.uniqueName(tag + "-ta");
        String targetTable = LocalAws.uniqueName(tag + "-tb");
        String sourceBucket = LocalAws.uniqueName(tag + "-ba");
        String targetBucket = LocalAws.uniqueName(tag + "-bb");
        try (DynamoDbClient ddb = aws.dynamoDb(REGION); S3Client s3 = aws.s3(REGION)) {
            for (String table : new String[] {sourceTable, targetTable}) {
                ddb.createTable(r -> r.tableName(table).billingMode("PAY_PER_REQUEST")
                        .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                        .attributeDefinitions(d -> d.attributeName("pk").attributeType("S")));
            }
            TableWrites.putGenerated(ddb, sourceTable, items, i -> Map.of("pk", AttributeValue.fromS("item-" + i),
                    "payload", AttributeValue.fromS("x".repeat(200)), "n", AttributeValue.fromN(String.valueOf(i))));
            s3.createBucket(r -> r.bucket(sourceBucket));
            s3.createBucket(r -> r.bucket(targetBucket));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            for (int i = 0; i < objects; i++) {
                String key = String.format("assets/%05d.bin", i);
                pool.submit(() -> s3.putObject(r -> r.bucket(sourceBucket).key(key), RequestBody.fromString(key)));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        }
        return schema(aws, dir, sourceTable, targetTable, sourceBucket, targetBucket, options);
    }

    /** {@code schema.json} in {@code dir}: table pair {@code t} and bucket pair {@code b} on the local emulators, with these {@code options}. */
    public static Path schema(LocalAws aws, Path dir, String sourceTable, String targetTable, String sourceBucket, String targetBucket,
                              String options) throws Exception {
        String endpoints = "\"endpoints\": {\"s3\": \"" + aws.s3Endpoint() + "\", \"dynamodb\": \"" + aws.dynamoDbEndpoint() + "\"}";
        return Files.writeString(dir.resolve("schema.json"), """
                {"schemaVersion": "1.0",
                 "source": {"region": "%s", %s}, "target": {"region": "%s", %s},
                 "buckets": [{"name": "b", "source": "%s", "target": "%s"}],
                 "tables": [{"name": "t", "source": "%s", "target": "%s"}],
                 "options": %s}
                """.formatted(REGION, endpoints, REGION, endpoints, sourceBucket, targetBucket, sourceTable, targetTable, options));
    }
}
