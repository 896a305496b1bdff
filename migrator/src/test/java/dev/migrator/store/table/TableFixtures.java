package dev.migrator.store.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** Tables and items for the copy tests. */
final class TableFixtures {
    private TableFixtures() {}

    static void create(DynamoDbClient ddb, String table, String hash, String hashType, String range, String rangeType,
                       String gsiHash) {
        List<KeySchemaElement> keys = new ArrayList<>();
        List<AttributeDefinition> attributes = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build());
        attributes.add(AttributeDefinition.builder().attributeName(hash).attributeType(hashType).build());
        if (range != null) {
            keys.add(KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
            attributes.add(AttributeDefinition.builder().attributeName(range).attributeType(rangeType).build());
        }
        List<GlobalSecondaryIndex> gsis = new ArrayList<>();
        if (gsiHash != null) {
            attributes.add(AttributeDefinition.builder().attributeName(gsiHash).attributeType("S").build());
            gsis.add(GlobalSecondaryIndex.builder().indexName(gsiHash + "-index")
                    .keySchema(KeySchemaElement.builder().attributeName(gsiHash).keyType(KeyType.HASH).build())
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build());
        }
        ddb.createTable(r -> {
            r.tableName(table).billingMode("PAY_PER_REQUEST").keySchema(keys).attributeDefinitions(attributes);
            if (!gsis.isEmpty()) {
                r.globalSecondaryIndexes(gsis);
            }
        });
    }

    static void put(DynamoDbClient ddb, String table, List<Map<String, AttributeValue>> items) {
        dev.migrator.testkit.TableWrites.putAll(ddb, table, items);
    }

    static Map<Map<String, AttributeValue>, Map<String, AttributeValue>> byKey(DynamoDbClient ddb, String table, List<String> keys) {
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> all = new HashMap<>();
        ddb.scanPaginator(ScanRequest.builder().tableName(table).consistentRead(true).build()).items().forEach(item -> {
            Map<String, AttributeValue> key = new HashMap<>();
            keys.forEach(k -> key.put(k, item.get(k)));
            all.put(key, item);
        });
        return all;
    }

    /** Items holding every attribute type, unicode, 38-digit numbers and, every 50th, ~400 KB. */
    static List<Map<String, AttributeValue>> rich(int count, boolean binaryKeys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, AttributeValue> item = new HashMap<>(dev.migrator.testkit.Items.everyType());
            item.remove("pk");
            item.put("pk", binaryKeys ? AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) i, (byte) (i >> 8), (byte) 0xff}))
                    : AttributeValue.fromS("ключ-" + i + "-🔑"));
            item.put("sk", AttributeValue.fromN(String.valueOf(i % 7)));
            item.put("gsiKey", AttributeValue.fromS("g-" + (i % 5)));
            if (i % 50 == 0) {
                item.put("big", AttributeValue.fromS("x".repeat(395_000)));
            }
            items.add(item);
        }
        return items;
    }
}
