package dev.migrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testkit.Cli;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import dev.migrator.testkit.SchemaBuilder;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/** Stack B's readiness beside the data: plan reports a table whose TTL or index Stack A has and Stack B lacks. */
@ExtendWith(LocalAwsExtension.class)
class ConfigDriftTest {
    private static final String REGION = "us-east-1";

    @Test
    void aMissingTtlAndAMissingIndexOnStackBAreReported(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("drift-a");
        String target = LocalAws.uniqueName("drift-b");
        try (DynamoDbClient ddb = aws.dynamoDb(REGION)) {
            ddb.createTable(r -> r.tableName(source).billingMode("PAY_PER_REQUEST")
                    .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                    .attributeDefinitions(d -> d.attributeName("pk").attributeType("S"), d -> d.attributeName("owner").attributeType("S"))
                    .globalSecondaryIndexes(g -> g.indexName("byOwner").keySchema(k -> k.attributeName("owner").keyType("HASH"))
                            .projection(p -> p.projectionType(ProjectionType.ALL))));
            ddb.updateTimeToLive(r -> r.tableName(source).timeToLiveSpecification(t -> t.enabled(true).attributeName("expiresAt")));
            ddb.createTable(r -> r.tableName(target).billingMode("PAY_PER_REQUEST")
                    .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                    .attributeDefinitions(d -> d.attributeName("pk").attributeType("S")));
        }
        Path schema = SchemaBuilder.between(REGION, REGION).endpoint("dynamodb", aws.dynamoDbEndpoint())
                .table("t", source, target, Map.of()).write(dir.resolve("schema.json"));
        StringWriter plan = new StringWriter();

        assertThat(Cli.run(plan, "plan", schema.toString())).as(plan.toString()).isZero();

        assertThat(plan.toString())
                .contains("warning: TTL differs: " + source + " expires items by 'expiresAt', " + target + " not at all")
                .contains("warning: global secondary index byOwner [owner (HASH)] is missing on " + target)
                .contains("add it to Stack B's table");
    }
}
