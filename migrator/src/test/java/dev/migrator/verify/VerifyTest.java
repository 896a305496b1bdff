package dev.migrator.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrator.cli.Main;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/** run verifies at its end; verify finds what went missing, appeared or changed afterwards, and exits 5. */
@ExtendWith(LocalAwsExtension.class)
class VerifyTest {
    private static final String REGION = "us-east-1";

    @Test
    void aTamperedTableAndBucketAreCaughtWithTheirKeys(LocalAws aws, @TempDir Path dir) throws Exception {
        String sourceTable = LocalAws.uniqueName("vt-a");
        String targetTable = LocalAws.uniqueName("vt-b");
        String sourceBucket = LocalAws.uniqueName("vb-a");
        String targetBucket = LocalAws.uniqueName("vb-b");
        try (DynamoDbClient ddb = aws.dynamoDb(REGION); S3Client s3 = aws.s3(REGION)) {
            for (String table : new String[] {sourceTable, targetTable}) {
                ddb.createTable(r -> r.tableName(table).billingMode("PAY_PER_REQUEST")
                        .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                        .attributeDefinitions(d -> d.attributeName("pk").attributeType("S")));
            }
            for (int i = 0; i < 120; i++) {
                String pk = "item-" + i;
                ddb.putItem(r -> r.tableName(sourceTable).item(Map.of("pk", AttributeValue.fromS(pk),
                        "n", AttributeValue.fromN("1.50"), "tags", AttributeValue.fromSs(java.util.List.of("b", "a", "c")))));
            }
            s3.createBucket(r -> r.bucket(sourceBucket));
            s3.createBucket(r -> r.bucket(targetBucket));
            for (int i = 0; i < 30; i++) {
                int n = i;
                s3.putObject(r -> r.bucket(sourceBucket).key("k/" + n).contentType("text/plain"), RequestBody.fromString("body " + n));
            }
            Path schema = schema(aws, dir, sourceTable, targetTable, sourceBucket, targetBucket);
            StringWriter out = new StringWriter();

            assertThat(cli(out, "run", schema.toString(), "--state-dir", dir.resolve("state").toString())).as(out.toString()).isZero();
            assertThat(out.toString()).contains("verify table:t: ok (source 120, target 120; 120 checked, 120 matched")
                    .contains("verify bucket:b: ok (source 30, target 30; 30 checked, 30 matched").contains("report.html");
            try (Stream<Path> files = Files.walk(dir.resolve("state"))) {
                Path html = files.filter(p -> p.getFileName().toString().equals("report.html")).findFirst().orElseThrow();
                assertThat(Files.readString(html)).contains("<td class=\"l\">table:t</td>").contains("COMPLETED");
            }

            ddb.deleteItem(r -> r.tableName(targetTable).key(Map.of("pk", AttributeValue.fromS("item-7"))));
            ddb.putItem(r -> r.tableName(targetTable).item(Map.of("pk", AttributeValue.fromS("item-8"), "n", AttributeValue.fromN("2"))));
            ddb.putItem(r -> r.tableName(targetTable).item(Map.of("pk", AttributeValue.fromS("stray"))));
            s3.deleteObject(r -> r.bucket(targetBucket).key("k/3"));
            s3.putObject(r -> r.bucket(targetBucket).key("k/4").contentType("text/plain"), RequestBody.fromString("changed"));
            s3.putObject(r -> r.bucket(targetBucket).key("k/5").contentType("text/html"), RequestBody.fromString("body 5"));
            s3.putObject(r -> r.bucket(targetBucket).key("stray.txt"), RequestBody.fromString("?"));
            StringWriter verify = new StringWriter();

            assertThat(cli(verify, "verify", schema.toString(), "--state-dir", dir.resolve("state").toString())).isEqualTo(5);

            assertThat(verify.toString())
                    .contains("verify table:t: MISMATCH (source 120, target 120; 120 checked, 118 matched, 1 missing, 1 extra, 1 different)")
                    .contains("missing: {pk=item-7}").contains("extra: {pk=stray}")
                    .contains("different: {pk=item-8}: n (N) differs; tags (SS) only in the source")
                    .contains("verify bucket:b: MISMATCH (source 30, target 30; 30 checked, 27 matched, 1 missing, 1 extra, 2 different)")
                    .contains("missing: k/3").contains("different: k/4: size differs").contains("different: k/5: headers or user metadata differ")
                    .contains("extra: stray.txt").contains("verify MISMATCH").contains("verify table:t started")
                    .contains("NO-GO: MISMATCH");

            StringWriter sampled = new StringWriter();
            cli(sampled, "verify", schema.toString(), "--state-dir", dir.resolve("state").toString(), "--sample", "0.25");
            assertThat(sampled.toString()).contains("sampled: extra target items are not counted").doesNotContain("extra: {pk=stray}")
                    .contains("target not counted").doesNotContain("target 0;");
            try (Stream<Path> reports = Files.list(Files.list(dir.resolve("state")).filter(Files::isDirectory).findFirst().orElseThrow()
                    .resolve("reports"))) {
                assertThat(reports.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")))
                        .as("one report per command: the run and its three verifications").hasSize(3)
                        .anyMatch(n -> n.endsWith("-report.json")).anyMatch(n -> n.endsWith("-verification.json"));
            }
        }
    }

    @Test
    void aTamperedUserPoolIsCaught(LocalAws aws, @TempDir Path dir) throws Exception {
        assumeTrue(aws.cognitoEndpoint().isPresent(), "moto_server is not installed; Cognito tests need it");
        try (CognitoIdentityProviderClient cognito = aws.cognito(REGION)) {
            String source = cognito.createUserPool(r -> r.poolName("verify-a")).userPool().id();
            String target = cognito.createUserPool(r -> r.poolName("verify-b")).userPool().id();
            cognito.createGroup(r -> r.userPoolId(source).groupName("editors"));
            for (String user : new String[] {"ana", "ben", "cy"}) {
                cognito.adminCreateUser(r -> r.userPoolId(source).username(user).messageAction("SUPPRESS"));
                cognito.adminAddUserToGroup(r -> r.userPoolId(source).username(user).groupName("editors"));
            }
            String endpoint = "\"endpoints\": {\"cognito\": \"" + aws.cognitoEndpoint().get() + "\"}";
            Path schema = Files.writeString(dir.resolve("pools.json"), """
                    {"schemaVersion": "1.0", "source": {"region": "%s", %s}, "target": {"region": "%s", %s},
                     "userPools": [{"name": "users", "source": "%s", "target": "%s"}]}
                    """.formatted(REGION, endpoint, REGION, endpoint, source, target));
            StringWriter out = new StringWriter();
            assertThat(cli(out, "run", schema.toString(), "--state-dir", dir.resolve("state").toString())).as(out.toString()).isZero();

            cognito.adminDisableUser(r -> r.userPoolId(target).username("ben"));
            cognito.adminRemoveUserFromGroup(r -> r.userPoolId(target).username("cy").groupName("editors"));
            cognito.adminCreateUser(r -> r.userPoolId(target).username("intruder").messageAction("SUPPRESS"));
            StringWriter verify = new StringWriter();

            assertThat(cli(verify, "verify", schema.toString(), "--state-dir", dir.resolve("state").toString())).isEqualTo(5);

            assertThat(verify.toString()).contains("1 matched, 0 missing, 1 extra, 2 different")
                    .contains("different: ben: enabled true became false").contains("different: cy: groups [editors] became []")
                    .contains("extra: intruder");
        }
    }

    private static Path schema(LocalAws aws, Path dir, String sourceTable, String targetTable, String sourceBucket, String targetBucket)
            throws Exception {
        return dev.migrator.testkit.TableAndBucket.schema(aws, dir, sourceTable, targetTable, sourceBucket, targetBucket,
                "{\"concurrency\": 4, \"maxRetries\": 1}");
    }

    private static int cli(StringWriter out, String... args) {
        return dev.migrator.testkit.Cli.run(out, args);
    }
}
