package dev.migrator.testkit;

import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Seeds test tables: BatchWriteItem 25 at a time, re-sending UnprocessedItems until all are in. */
public final class TableWrites {
    private TableWrites() {}

    public static void putAll(DynamoDbClient ddb, String table, List<Map<String, AttributeValue>> items) {
        for (int i = 0; i < items.size(); i += 25) {
            List<WriteRequest> writes = items.subList(i, Math.min(items.size(), i + 25)).stream()
                    .map(item -> WriteRequest.builder().putRequest(p -> p.item(item)).build()).toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, writes);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                var response = ddb.batchWriteItem(r -> r.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    /** {@code count} items made by {@code item}, written 25 at a time without holding them all. */
    public static void putGenerated(DynamoDbClient ddb, String table, int count, IntFunction<Map<String, AttributeValue>> item) {
        for (int i = 0; i < count; i += 25) {
            putAll(ddb, table, IntStream.range(i, Math.min(count, i + 25)).mapToObj(item).toList());
        }
    }
}
