package dev.migrator.demo;

import static dev.migrator.demo.DemoStacks.item;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** VAMS-shaped items for Stack A, and the items VAMS seeds into Stack B at deploy time. */
final class DemoData {
    private final DynamoDbClient ddb;

    DemoData(DynamoDbClient ddb) {
        this.ddb = ddb;
    }

    /** {@code versions}: each asset's real S3 version ids, oldest first; {@code aliceSub}: her real Cognito sub. */
    void seed(String a, String b, Map<String, List<String>> versions, String aliceSub) {
        put(a + "databaseStorageTable", item("databaseId", "db-1", "description", "Demo database",
                "assetCount", "5", "dateCreated", "2025-06-01T10:00:00Z"));
        for (int i = 0; i < 5; i++) {
            List<String> ids = versions.getOrDefault("asset-" + i, List.of("v1-asset-" + i));
            List<AttributeValue> history = new java.util.ArrayList<>();
            for (int v = 0; v < ids.size(); v++) {
                history.add(AttributeValue.fromM(Map.of("Version", AttributeValue.fromS(String.valueOf(v + 1)),
                        "S3Version", AttributeValue.fromS(ids.get(v)), "Comment", AttributeValue.fromS(v == 0 ? "first upload" : "new model"),
                        "FileSize", AttributeValue.fromN(String.valueOf(1024 * (i + 1))))));
            }
            AttributeValue version = history.get(history.size() - 1);
            put(a + "assetStorageTable", item("databaseId", "db-1", "assetId", "asset-" + i, "assetName", "Model " + i,
                    "assetType", ".glb", "isDistributable", AttributeValue.fromBool(i % 2 == 0),
                    "assetLocation", AttributeValue.fromM(Map.of("Key", AttributeValue.fromS("db-1/asset-" + i + "/model.glb"))),
                    "tags", AttributeValue.fromL(List.of(AttributeValue.fromS("demo"))),
                    "currentVersion", version, "versions", AttributeValue.fromL(history)));
            put(a + "commentStorageTable", item("assetId", "asset-" + i, "assetVersionId:commentId", "1:c-" + i,
                    "commentBody", "Looks good", "commentOwnerID", aliceSub, "commentOwnerUsername", "alice",
                    "dateCreated", "2025-06-02T10:00:00Z"));
        }
        put(a + "assetLinksStorageTable", item("assetIdFrom", "asset-0", "assetIdTo", "asset-1", "relationshipType", "parent-child"));
        put(a + "rolesStorageTable", item("roleName", "admin", "description", "Administrators"));
        put(a + "rolesStorageTable", item("roleName", "viewer", "description", "Read only"));
        put(a + "tagStorageTable", item("tagName", "demo", "tagTypeName", "general"));
        put(a + "authEntitiesStorageTable", item("entityType", "constraint", "sk", "constraint#viewers-db-1",
                "name", "viewers", "objectType", "asset"));
        put(b + "rolesStorageTable", item("roleName", "admin", "description", "Administrators (seeded by Stack B)"));
        put(b + "userRolesStorageTable", item("userId", DemoStacks.ADMIN, "roleName", "admin"));
        put(b + "authEntitiesStorageTable", item("entityType", "constraint", "sk", "constraint#initial_admin_access",
                "name", "initial admin"));
    }

    private void put(String table, Map<String, AttributeValue> item) {
        ddb.putItem(r -> r.tableName(table).item(item));
    }
}
