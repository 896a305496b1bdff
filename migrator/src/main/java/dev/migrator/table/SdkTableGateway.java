package dev.migrator.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** {@link TableGateway} over the AWS SDK's DynamoDB client. */
public final class SdkTableGateway implements TableGateway {
    private final DynamoDbClient client;

    public SdkTableGateway(DynamoDbClient client) {
        this.client = client;
    }

    @Override
    public Optional<TableInfo> describe(String table) {
        try {
            TableDescription d = client.describeTable(r -> r.tableName(table)).table();
            Map<String, String> types = new HashMap<>();
            d.attributeDefinitions().forEach(a -> types.put(a.attributeName(), a.attributeTypeAsString()));
            List<TableInfo.KeyAttribute> keys = d.keySchema().stream()
                    .map(k -> new TableInfo.KeyAttribute(k.attributeName(), k.keyTypeAsString(), types.get(k.attributeName())))
                    .toList();
            String billing = d.billingModeSummary() == null ? "PROVISIONED" : d.billingModeSummary().billingModeAsString();
            boolean stream = d.streamSpecification() != null && Boolean.TRUE.equals(d.streamSpecification().streamEnabled());
            List<String> gsis = d.globalSecondaryIndexes().stream().map(g -> g.indexName()).toList();
            return Optional.of(new TableInfo(d.tableName(), d.tableStatusAsString(), keys,
                    orZero(d.itemCount()), orZero(d.tableSizeBytes()), billing, stream, gsis));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<Map<String, String>> firstKeys(String table, List<String> keyAttributes, int limit) {
        List<Map<String, String>> keys = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < keyAttributes.size(); i++) {
            names.put("#k" + i, keyAttributes.get(i));
        }
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder request = ScanRequest.builder().tableName(table).limit(limit - keys.size())
                    .projectionExpression(String.join(", ", names.keySet())).expressionAttributeNames(names)
                    .consistentRead(true);
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            ScanResponse page = client.scan(request.build());
            page.items().forEach(item -> keys.add(KeyStrings.of(item, keyAttributes)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && keys.size() < limit);
        return keys;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
