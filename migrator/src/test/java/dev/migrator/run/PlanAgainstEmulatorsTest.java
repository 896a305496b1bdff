package dev.migrator.run;

import dev.migrator.engine.Finding;
import dev.migrator.engine.Preflight;
import dev.migrator.engine.ResourceState;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.aws.EndpointResolver;
import dev.migrator.cli.Main;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;

/** plan (and a refused run) against DynamoDB Local and S3Proxy: existence and emptiness of every resource. */
@ExtendWith(LocalAwsExtension.class)
class PlanAgainstEmulatorsTest {
    private static final String SOURCE_REGION = "us-east-1";
    private static final String TARGET_REGION = "eu-west-1";

    @Test
    void reportsExistenceEmptinessAndRefusals(LocalAws aws, @TempDir Path dir) throws Exception {
        Names n = new Names();
        arrange(aws, n);
        Path schema = writeSchema(aws, dir, n);

        PlanOutcome outcome = new MigrationService(new EndpointResolver(Map.of())).plan(schema);

        PlanOutcome.Planned planned = (PlanOutcome.Planned) outcome;
        Map<String, Preflight> byStep = new java.util.HashMap<>();
        planned.preflights().forEach(p -> byStep.put(p.step().toString(), p));

        Preflight assets = byStep.get("table:assets");
        assertThat(assets.resources()).extracting(ResourceState::exists).containsExactly(true, true);
        assertThat(assets.resources().get(0).count()).contains(3L);
        assertThat(assets.resources().get(1).empty()).contains(true);
        assertThat(assets.findings()).noneMatch(Finding::isError);

        Preflight roles = byStep.get("table:roles");
        assertThat(roles.resources().get(1).empty()).contains(false);
        assertThat(roles.findings()).noneMatch(Finding::isError)
                .anySatisfy(f -> assertThat(f.message()).contains("only its 1 declared seeded item"));

        Preflight comments = byStep.get("table:comments");
        assertThat(comments.findings()).anySatisfy(f -> {
            assertThat(f.isError()).isTrue();
            assertThat(f.message()).contains("is not empty: it holds 2 item(s)").contains("c-1");
        });

        Preflight missing = byStep.get("table:jobs");
        assertThat(missing.resources().get(1).exists()).isFalse();
        assertThat(missing.findings()).anySatisfy(f -> assertThat(f.message()).contains(n.missingTable + " does not exist in " + TARGET_REGION));

        Preflight keys = byStep.get("table:links");
        assertThat(keys.findings()).anySatisfy(f -> assertThat(f.message()).contains("is not produced"));

        Preflight bucket = byStep.get("bucket:assetBucket");
        assertThat(bucket.resources()).extracting(ResourceState::exists).containsExactly(true, true);
        assertThat(bucket.resources().get(0).count()).contains(2L);
        assertThat(bucket.resources().get(0).empty()).contains(false);
        assertThat(bucket.resources().get(1).empty()).contains(true);
        assertThat(bucket.findings()).noneMatch(Finding::isError);

        Preflight full = byStep.get("bucket:auxBucket");
        assertThat(full.findings()).anySatisfy(f -> assertThat(f.message()).contains("is not empty").contains("already-there.txt"));
        assertThat(planned.blocksRun()).isTrue();
    }

    @Test
    void planAndRunCommandsRefuseWithoutWriting(LocalAws aws, @TempDir Path dir) throws Exception {
        Names n = new Names();
        arrange(aws, n);
        Path schema = writeSchema(aws, dir, n);

        StringWriter out = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("plan", schema.toString())).as(err.toString()).isEqualTo(3);
        assertThat(out.toString()).contains("table:assets", "source " + n.sourceTable + ": exists", "target " + n.targetTable + ": exists, empty",
                "target " + n.missingTable + ": MISSING", "the run would be REFUSED");

        StringWriter json = new StringWriter();
        var cliJson = Main.commandLine();
        cliJson.setOut(new PrintWriter(json, true));
        assertThat(cliJson.execute("plan", "--json", schema.toString())).isEqualTo(3);
        JsonNode plan = new ObjectMapper().readTree(json.toString());
        assertThat(plan.get("preflights")).hasSize(7);

        var run = Main.commandLine();
        run.setOut(new PrintWriter(new StringWriter(), true));
        assertThat(run.execute(Main.withImplicitRun(new String[] {schema.toString(), "--state-dir", dir.resolve("state").toString()}))).isEqualTo(3);
        try (DynamoDbClient ddb = aws.dynamoDb(TARGET_REGION)) {
            assertThat(ddb.scan(r -> r.tableName(n.targetTable)).count()).isZero();
        }
        try (var reports = Files.walk(dir.resolve("state"))) {
            assertThat(reports.filter(p -> p.getFileName().toString().equals("report.json"))).singleElement()
                    .satisfies(p -> assertThat(Files.readString(p)).contains("\"status\" : \"REFUSED\""));
        }
    }

    private record Names(String sourceTable, String targetTable, String rolesSource, String rolesTarget,
                         String commentsSource, String commentsTarget, String missingTable, String linksSource,
                         String linksTarget, String sourceBucket, String targetBucket, String auxSource, String auxTarget) {
        Names() {
            this(LocalAws.uniqueName("assets-a"), LocalAws.uniqueName("assets-b"), LocalAws.uniqueName("roles-a"),
                    LocalAws.uniqueName("roles-b"), LocalAws.uniqueName("comments-a"), LocalAws.uniqueName("comments-b"),
                    LocalAws.uniqueName("jobs-b"), LocalAws.uniqueName("links-a"), LocalAws.uniqueName("links-b"),
                    LocalAws.uniqueName("bucket-a"), LocalAws.uniqueName("bucket-b"), LocalAws.uniqueName("aux-a"),
                    LocalAws.uniqueName("aux-b"));
        }
    }

    private static void arrange(LocalAws aws, Names n) {
        try (DynamoDbClient source = aws.dynamoDb(SOURCE_REGION); DynamoDbClient target = aws.dynamoDb(TARGET_REGION)) {
            table(source, n.sourceTable, "databaseId", "assetId");
            table(target, n.targetTable, "databaseId", "assetId");
            for (int i = 0; i < 3; i++) {
                put(source, n.sourceTable, Map.of("databaseId", "db", "assetId", "a-" + i));
            }
            table(source, n.rolesSource, "roleName", null);
            table(target, n.rolesTarget, "roleName", null);
            put(target, n.rolesTarget, Map.of("roleName", "admin"));
            table(source, n.commentsSource, "assetId", "sk");
            table(target, n.commentsTarget, "assetId", "sk");
            put(target, n.commentsTarget, Map.of("assetId", "a-1", "sk", "c-1"));
            put(target, n.commentsTarget, Map.of("assetId", "a-1", "sk", "c-2"));
            table(source, "jobs-" + n.missingTable, "jobId", null);
            table(source, n.linksSource, "assetIdFrom", "assetIdTo");
            table(target, n.linksTarget, "assetLinkId", null);
        }
        try (S3Client s3 = aws.s3(SOURCE_REGION)) {
            for (String bucket : new String[] {n.sourceBucket, n.targetBucket, n.auxSource, n.auxTarget}) {
                s3.createBucket(r -> r.bucket(bucket));
            }
            s3.putObject(r -> r.bucket(n.sourceBucket).key("a/one.txt"), RequestBody.fromString("one"));
            s3.putObject(r -> r.bucket(n.sourceBucket).key("b/two.txt"), RequestBody.fromString("two"));
            s3.putObject(r -> r.bucket(n.auxTarget).key("already-there.txt"), RequestBody.fromString("x"));
        }
    }

    private static Path writeSchema(LocalAws aws, Path dir, Names n) throws Exception {
        String endpoints = "\"endpoints\": {\"dynamodb\": \"" + aws.dynamoDbEndpoint() + "\", \"s3\": \"" + aws.s3Endpoint() + "\"}";
        String json = """
                {
                  "schemaVersion": "1.0",
                  "name": "plan-test",
                  "source": {"region": "%s", %s},
                  "target": {"region": "%s", %s},
                  "buckets": [
                    {"name": "assetBucket", "source": "%s", "target": "%s"},
                    {"name": "auxBucket", "source": "%s", "target": "%s"}
                  ],
                  "tables": [
                    {"name": "assets", "source": "%s", "target": "%s"},
                    {"name": "roles", "source": "%s", "target": "%s", "seededKeys": [{"roleName": "admin"}]},
                    {"name": "comments", "source": "%s", "target": "%s"},
                    {"name": "jobs", "source": "jobs-%s", "target": "%s"},
                    {"name": "links", "source": "%s", "target": "%s"}
                  ]
                }
                """.formatted(SOURCE_REGION, endpoints, TARGET_REGION, endpoints, n.sourceBucket, n.targetBucket,
                n.auxSource, n.auxTarget, n.sourceTable, n.targetTable, n.rolesSource, n.rolesTarget,
                n.commentsSource, n.commentsTarget, n.missingTable, n.missingTable, n.linksSource, n.linksTarget);
        return Files.writeString(dir.resolve("schema.json"), json);
    }

    private static void table(DynamoDbClient client, String name, String hash, String range) {
        client.createTable(r -> {
            r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
            var keys = new java.util.ArrayList<software.amazon.awssdk.services.dynamodb.model.KeySchemaElement>();
            var attributes = new java.util.ArrayList<software.amazon.awssdk.services.dynamodb.model.AttributeDefinition>();
            keys.add(software.amazon.awssdk.services.dynamodb.model.KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build());
            attributes.add(software.amazon.awssdk.services.dynamodb.model.AttributeDefinition.builder().attributeName(hash).attributeType(ScalarAttributeType.S).build());
            if (range != null) {
                keys.add(software.amazon.awssdk.services.dynamodb.model.KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
                attributes.add(software.amazon.awssdk.services.dynamodb.model.AttributeDefinition.builder().attributeName(range).attributeType(ScalarAttributeType.S).build());
            }
            r.keySchema(keys).attributeDefinitions(attributes);
        });
    }

    private static void put(DynamoDbClient client, String table, Map<String, String> item) {
        Map<String, AttributeValue> values = new java.util.HashMap<>();
        item.forEach((k, v) -> values.put(k, AttributeValue.fromS(v)));
        client.putItem(r -> r.tableName(table).item(values));
    }
}
