package dev.migrator.store.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrator.testkit.Cli;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import dev.migrator.testkit.SchemaBuilder;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A rollback point: with backupBeforeWrite, a fresh run backs up each target table before its first write and
 * reports the backup's ARN (on moto, which has backups); where the endpoint has none (DynamoDB Local) nothing
 * is written and the step says why.
 */
@ExtendWith(LocalAwsExtension.class)
class BackupBeforeWriteTest {
    private static final String REGION = "us-east-1";

    @Test
    void theTargetIsBackedUpBeforeTheFirstWriteAndTheArnReported(LocalAws aws, @TempDir Path dir) throws Exception {
        assumeTrue(aws.motoEndpoint().isPresent(), "moto_server is not installed; DynamoDB backups need it");
        URI moto = aws.motoEndpoint().get();
        try (DynamoDbClient ddb = DynamoDbClient.builder().region(Region.of(REGION)).credentialsProvider(LocalAws.CREDENTIALS)
                .endpointOverride(moto).build()) {
            Path schema = arrange(ddb, moto, dir, "backup");
            StringWriter out = new StringWriter();

            assertThat(Cli.run(out, "run", schema.toString(), "--state-dir", dir.resolve("state").toString())).as(out.toString()).isZero();

            assertThat(out.toString()).contains("backupArn: arn:aws:dynamodb:");
            assertThat(ddb.listBackups(r -> r.tableName(target("backup"))).backupSummaries()).hasSize(1);

            StringWriter sources = new StringWriter();
            assertThat(Cli.run(sources, "backup", schema.toString(), "--state-dir", dir.resolve("state").toString()))
                    .as(sources.toString()).isZero();
            String source = new com.fasterxml.jackson.databind.ObjectMapper().readTree(schema.toFile()).path("tables").get(0)
                    .path("source").asText();
            assertThat(ddb.listBackups(r -> r.tableName(source)).backupSummaries()).hasSize(1);
            assertThat(sources.toString()).contains("backupArn: arn:aws:dynamodb:").doesNotContain("NO-GO");
        }
    }

    @Test
    void withoutBackupsOnTheEndpointNothingIsWritten(LocalAws aws, @TempDir Path dir) throws Exception {
        try (DynamoDbClient ddb = aws.dynamoDb(REGION)) {
            Path schema = arrange(ddb, aws.dynamoDbEndpoint(), dir, "nobackup");
            StringWriter out = new StringWriter();

            assertThat(Cli.run(out, "run", schema.toString(), "--state-dir", dir.resolve("state").toString())).isEqualTo(6);

            assertThat(out.toString()).contains("could not back up target table " + target("nobackup") + " before writing",
                    "nothing was written");
            assertThat(ddb.scan(r -> r.tableName(target("nobackup"))).count()).isZero();
            StringWriter sources = new StringWriter();
            assertThat(Cli.run(sources, "backup", schema.toString(), "--state-dir", dir.resolve("state").toString())).isEqualTo(6);
            assertThat(sources.toString()).contains("could not back up source table");
        }
    }

    private static String target(String prefix) {
        return prefix + "-target-table";
    }

    private static Path arrange(DynamoDbClient ddb, URI endpoint, Path dir, String prefix) throws Exception {
        String source = LocalAws.uniqueName(prefix + "-source");
        for (String table : new String[] {source, target(prefix)}) {
            ddb.createTable(r -> r.tableName(table).billingMode("PAY_PER_REQUEST").keySchema(k -> k.attributeName("pk").keyType("HASH"))
                    .attributeDefinitions(d -> d.attributeName("pk").attributeType("S")));
        }
        ddb.putItem(r -> r.tableName(source).item(Map.of("pk", AttributeValue.fromS("one"))));
        return SchemaBuilder.between(REGION, REGION).endpoint("dynamodb", endpoint)
                .table("t", source, target(prefix), Map.of("backupBeforeWrite", true)).write(dir.resolve("schema.json"));
    }
}
