package dev.migrator.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.local.LocalEmulators;
import dev.migrator.template.TemplateCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the demo's two stacks on the local emulators from the shipped v2.0 -> v2.0 template:
 * Stack A with VAMS-shaped data, Stack B empty but for what VAMS seeds at deploy time, and the
 * filled-in schema file pointing at both.
 */
final class DemoStacks {
    static final String TEMPLATE = "vams-v2.0-to-v2.0";
    static final String REGION = "us-east-1";
    static final String ADMIN = "admin@example.com";

    private final LocalEmulators emulators;
    private final StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
            AwsBasicCredentials.create(LocalEmulators.ACCESS_KEY, LocalEmulators.SECRET_KEY));

    DemoStacks(LocalEmulators emulators) {
        this.emulators = emulators;
    }

    /** Creates both stacks and writes the schema; returns its path. */
    Path build(Path directory) throws IOException {
        ObjectNode schema = (ObjectNode) new ObjectMapper().readTree(
                new TemplateCatalog().content(new TemplateCatalog().find(TEMPLATE).orElseThrow()));
        try (DynamoDbClient ddb = DynamoDbClient.builder().region(Region.of(REGION)).credentialsProvider(credentials)
                .endpointOverride(emulators.dynamoDbEndpoint()).build();
             S3Client s3 = S3Client.builder().region(Region.of(REGION)).credentialsProvider(credentials)
                .endpointOverride(emulators.s3Endpoint()).forcePathStyle(true).build()) {
            for (var pair : (ArrayNode) schema.get("tables")) {
                String name = pair.get("name").asText();
                String[] keys = VamsTables.KEYS.get(name);
                ((ObjectNode) pair).put("source", "stack-a-" + name).put("target", "stack-b-" + name);
                createTable(ddb, "stack-a-" + name, keys);
                createTable(ddb, "stack-b-" + name, keys);
            }
            Map<String, List<String>> versions = new HashMap<>();
            for (var pair : (ArrayNode) schema.get("buckets")) {
                String name = pair.get("name").asText().toLowerCase();
                ((ObjectNode) pair).put("source", "stack-a-" + name).put("target", "stack-b-" + name);
                Map<String, List<String>> created = createBuckets(s3, "stack-a-" + name, "stack-b-" + name);
                if (pair.get("name").asText().equals("assetStorageBucket")) {
                    versions.putAll(created);
                }
            }
            String aliceSub = wireUserPools(schema).orElse("sub-of-alice");
            new DemoData(ddb).seed("stack-a-", "stack-b-", versions, aliceSub);
        }
        emulators.redis().ifPresent(ports -> DemoRedis.add(schema, ports));
        fillInSeededAdmin(schema);
        schema.put("name", "vams-demo");
        for (String stack : new String[] {"source", "target"}) {
            ObjectNode endpoints = ((ObjectNode) schema.get(stack)).putObject("endpoints");
            endpoints.put("dynamodb", emulators.dynamoDbEndpoint().toString()).put("s3", emulators.s3Endpoint().toString());
            emulators.cognitoEndpoint().ifPresent(c -> endpoints.put("cognito", c.toString()));
        }
        Path file = directory.resolve("MigrationSchema_demo.json");
        Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(schema));
        return file;
    }

    private void fillInSeededAdmin(ObjectNode schema) {
        for (var pair : (ArrayNode) schema.get("tables")) {
            for (var key : pair.path("seededKeys")) {
                key.fieldNames().forEachRemaining(f -> {
                    if (key.get(f).isTextual() && key.get(f).asText().startsWith("<")) {
                        ((ObjectNode) key).put(f, ADMIN);
                    }
                });
            }
        }
    }

    /**
     * With moto: two pools, users and groups in Stack A (carol disabled); returns alice's sub. Without: the
     * pool pair and the sub mapping are dropped.
     */
    private java.util.Optional<String> wireUserPools(ObjectNode schema) {
        if (emulators.cognitoEndpoint().isEmpty()) {
            schema.remove("userPools");
            for (var pair : (ArrayNode) schema.get("tables")) {
                if (pair.has("transforms")) {
                    ArrayNode kept = new ObjectMapper().createArrayNode();
                    pair.get("transforms").forEach(t -> {
                        if (!t.path("using").asText().startsWith("cognito-subs:")) {
                            kept.add(t);
                        }
                    });
                    ((ObjectNode) pair).set("transforms", kept);
                }
            }
            return java.util.Optional.empty();
        }
        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder().region(Region.of(REGION))
                .credentialsProvider(credentials).endpointOverride(emulators.cognitoEndpoint().get()).build()) {
            String a = cognito.createUserPool(r -> r.poolName("stack-a-users")).userPool().id();
            String b = cognito.createUserPool(r -> r.poolName("stack-b-users")).userPool().id();
            cognito.createGroup(r -> r.userPoolId(a).groupName("admin").description("VAMS administrators").precedence(0));
            for (String user : List.of("alice", "bob", "carol")) {
                cognito.adminCreateUser(r -> r.userPoolId(a).username(user).messageAction("SUPPRESS"));
            }
            cognito.adminAddUserToGroup(r -> r.userPoolId(a).username("alice").groupName("admin"));
            cognito.adminDisableUser(r -> r.userPoolId(a).username("carol"));
            ObjectNode pair = (ObjectNode) schema.get("userPools").get(0);
            pair.put("source", a).put("target", b);
            return cognito.adminGetUser(r -> r.userPoolId(a).username("alice")).userAttributes().stream()
                    .filter(x -> x.name().equals("sub")).map(x -> x.value()).findFirst();
        }
    }

    private static void createTable(DynamoDbClient ddb, String table, String[] keys) {
        List<KeySchemaElement> schema = new ArrayList<>();
        List<AttributeDefinition> attributes = new ArrayList<>();
        schema.add(KeySchemaElement.builder().attributeName(keys[0]).keyType(KeyType.HASH).build());
        attributes.add(AttributeDefinition.builder().attributeName(keys[0]).attributeType("S").build());
        if (keys[1] != null) {
            schema.add(KeySchemaElement.builder().attributeName(keys[1]).keyType(KeyType.RANGE).build());
            attributes.add(AttributeDefinition.builder().attributeName(keys[1]).attributeType("S").build());
        }
        ddb.createTable(r -> r.tableName(table).billingMode("PAY_PER_REQUEST").keySchema(schema).attributeDefinitions(attributes));
    }

    /** Versioned buckets; asset-0's model has two versions. Returns each asset's version ids, oldest first. */
    private static Map<String, List<String>> createBuckets(S3Client s3, String source, String target) {
        for (String bucket : new String[] {source, target}) {
            s3.createBucket(r -> r.bucket(bucket));
            try {
                s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
            } catch (RuntimeException e) {
                // S3Proxy backends without versioning: the plan reports the status
            }
        }
        Map<String, List<String>> versions = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            String id = s3.putObject(r -> r.bucket(source).key("db-1/asset-" + n + "/model.glb").contentType("model/gltf-binary"),
                    RequestBody.fromString("model " + n + " v1")).versionId();
            versions.computeIfAbsent("asset-" + n, k -> new ArrayList<>()).add(id == null ? "v1-asset-" + n : id);
        }
        String second = s3.putObject(r -> r.bucket(source).key("db-1/asset-0/model.glb").contentType("model/gltf-binary"),
                RequestBody.fromString("model 0 v2")).versionId();
        versions.get("asset-0").add(second == null ? "v2-asset-0" : second);
        return versions;
    }

    /** What the mapping transforms did to one asset and one comment: old ids in Stack A, new ones in Stack B. */
    List<String> evidence() {
        try (DynamoDbClient ddb = DynamoDbClient.builder().region(Region.of(REGION)).credentialsProvider(credentials)
                .endpointOverride(emulators.dynamoDbEndpoint()).build()) {
            List<String> lines = new ArrayList<>();
            for (String stack : new String[] {"stack-a-", "stack-b-"}) {
                var asset = ddb.getItem(r -> r.tableName(stack + "assetStorageTable").key(item("databaseId", "db-1", "assetId", "asset-0"))).item();
                var comment = ddb.getItem(r -> r.tableName(stack + "commentStorageTable")
                        .key(item("assetId", "asset-0", "assetVersionId:commentId", "1:c-0"))).item();
                lines.add((stack.startsWith("stack-a") ? "Stack A" : "Stack B") + ": asset-0 versions[*].S3Version "
                        + asset.get("versions").l().stream().map(v -> v.m().get("S3Version").s()).toList()
                        + ", comment c-0 commentOwnerID " + comment.get("commentOwnerID").s());
            }
            return lines;
        }
    }

    static Map<String, AttributeValue> item(Object... pairs) {
        Map<String, AttributeValue> item = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            item.put((String) pairs[i], v instanceof AttributeValue a ? a : AttributeValue.fromS(String.valueOf(v)));
        }
        return item;
    }

}
