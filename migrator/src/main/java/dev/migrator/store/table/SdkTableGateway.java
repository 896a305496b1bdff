package dev.migrator.store.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import dev.migrator.aws.BodySwap;
import dev.migrator.aws.SignedRoutes;
import dev.migrator.support.Concurrently;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** {@link TableGateway} over the AWS SDK's DynamoDB client. */
public final class SdkTableGateway implements TableGateway {
    private final DynamoDbClient client;
    /** Whether the client carries {@link BodySwap}, so items can move as DynamoDB's JSON ({@link #scanToCopy}). */
    private final boolean swapsBodies;
    /** Raw batches sent without the SDK's pipeline once it has shown the way ({@link SignedRoutes}), when the client learns routes. */
    private final Optional<DirectBatchWrite> direct;

    public SdkTableGateway(DynamoDbClient client) {
        this.client = client;
        this.swapsBodies = BodySwap.isOn(client);
        this.direct = SignedRoutes.of(client).map(DirectBatchWrite::new);
    }

    @Override
    public TableConfig configuration(String table, TableInfo info) {
        // the two reads side by side (one round trip instead of two); what went unanswered is named in this order
        Supplier<Optional<Optional<String>>> ttl = Concurrently.start("ttl-" + table, () -> answered(() -> {
            var t = client.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();
            return t != null && "ENABLED".equals(t.timeToLiveStatusAsString()) ? Optional.ofNullable(t.attributeName()) : Optional.<String>empty();
        }));
        Optional<Boolean> pitr = answered(() -> {
            var c = client.describeContinuousBackups(r -> r.tableName(table)).continuousBackupsDescription();
            return c != null && c.pointInTimeRecoveryDescription() != null
                    && "ENABLED".equals(c.pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString());
        });
        Optional<Optional<String>> ttlAnswer = ttl.get();
        List<String> unanswered = new ArrayList<>();
        if (ttlAnswer.isEmpty()) {
            unanswered.add("TTL");
        }
        if (pitr.isEmpty()) {
            unanswered.add("point-in-time recovery");
        }
        return new TableConfig(ttlAnswer.flatMap(t -> t), pitr, info.billingMode(), info.tableClass(), info.globalIndexes(),
                info.localIndexes(), unanswered);
    }

    /** A setting's value, or empty where the service did not answer. */
    private static <T> Optional<T> answered(Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            return Optional.empty();
        }
    }

    private static List<String> keys(List<software.amazon.awssdk.services.dynamodb.model.KeySchemaElement> schema) {
        return schema.stream().map(k -> k.attributeName() + " (" + k.keyTypeAsString() + ")").toList();
    }

    @Override
    public String backup(String table, String name) {
        return client.createBackup(r -> r.tableName(table).backupName(name)).backupDetails().backupArn();
    }

    @Override
    public String startExport(String table, String bucket, String prefix, String clientToken) {
        String tableArn = client.describeTable(r -> r.tableName(table)).table().tableArn();
        return client.exportTableToPointInTime(r -> r.tableArn(tableArn).s3Bucket(bucket).s3Prefix(prefix.isEmpty() ? null : prefix)
                .exportFormat("DYNAMODB_JSON").clientToken(clientToken)).exportDescription().exportArn();
    }

    @Override
    public ExportState exportState(String exportArn) {
        var d = client.describeExport(r -> r.exportArn(exportArn)).exportDescription();
        return new ExportState(d.exportStatusAsString(), d.failureMessage() == null ? "" : d.failureCode() + ": " + d.failureMessage());
    }

    @Override
    public void putItem(String table, Map<String, AttributeValue> item) {
        client.putItem(r -> r.tableName(table).item(item));
    }

    @Override
    public void deleteItem(String table, Map<String, AttributeValue> key) {
        client.deleteItem(r -> r.tableName(table).key(key));
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
            Map<String, List<String>> gsis = new LinkedHashMap<>();
            d.globalSecondaryIndexes().forEach(g -> gsis.put(g.indexName(), keys(g.keySchema())));
            Map<String, List<String>> lsis = new LinkedHashMap<>();
            d.localSecondaryIndexes().forEach(l -> lsis.put(l.indexName(), keys(l.keySchema())));
            String tableClass = d.tableClassSummary() == null ? "STANDARD" : d.tableClassSummary().tableClassAsString();
            return Optional.of(new TableInfo(d.tableName(), d.tableStatusAsString(), keys,
                    orZero(d.itemCount()), orZero(d.tableSizeBytes()), billing, stream, gsis,
                    stream ? d.streamSpecification().streamViewTypeAsString() : "", stream && d.latestStreamArn() != null ? d.latestStreamArn() : "",
                    lsis, tableClass));
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

    @Override
    public ScanPage scan(String table, int segment, int totalSegments, Map<String, AttributeValue> startKey, int limit,
                         boolean measureCapacity) {
        return scanPage(table, segment, totalSegments, startKey, limit, measureCapacity, null);
    }

    @Override
    public ScanPage scanToCopy(String table, int segment, int totalSegments, Map<String, AttributeValue> startKey, int limit,
                               boolean measureCapacity, Set<String> keyNames) {
        return scanPage(table, segment, totalSegments, startKey, limit, measureCapacity, swapsBodies ? new RawScanPage(keyNames) : null);
    }

    /** One page; with {@code raw}, its items as {@link RawItem}s (unless the response came compressed: then the SDK's). */
    private ScanPage scanPage(String table, int segment, int totalSegments, Map<String, AttributeValue> startKey, int limit,
                              boolean measureCapacity, RawScanPage raw) {
        ScanRequest.Builder request = ScanRequest.builder().tableName(table).segment(segment).totalSegments(totalSegments)
                .limit(limit).consistentRead(true).returnConsumedCapacity(capacity(measureCapacity));
        if (startKey != null) {
            request.exclusiveStartKey(startKey);
        }
        if (raw != null) {
            request.overrideConfiguration(o -> o.putExecutionAttribute(BodySwap.RESPONSE_BODY, raw));
        }
        ScanResponse page = client.scan(request.build());
        Map<String, AttributeValue> last = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? page.lastEvaluatedKey() : null;
        return new ScanPage(raw != null && raw.items() != null ? raw.items() : page.items(), last, capacity(page.consumedCapacity()));
    }

    @Override
    public WriteResult batchWrite(String table, List<Map<String, AttributeValue>> items, boolean measureCapacity) {
        BatchWriteItemResponse response;
        if (swapsBodies && RawBatchBody.fits(items)) { // sent as they came; the request's own items only name the table
            byte[] body = RawBatchBody.of(table, items, measureCapacity);
            Optional<WriteResult> done = direct.flatMap(d -> d.write(table, body));
            if (done.isPresent()) {
                return done.get();
            }
            response = client.batchWriteItem(r -> r.requestItems(Map.of(table, List.of())).returnConsumedCapacity(capacity(measureCapacity))
                    .overrideConfiguration(o -> o.putExecutionAttribute(BodySwap.REQUEST_BODY, body)));
        } else {
            List<WriteRequest> writes = items.stream().map(i -> WriteRequest.builder().putRequest(p -> p.item(i)).build()).toList();
            response = client.batchWriteItem(r -> r.requestItems(Map.of(table, writes)).returnConsumedCapacity(capacity(measureCapacity)));
        }
        List<Map<String, AttributeValue>> unprocessed = response.unprocessedItems().getOrDefault(table, List.of()).stream()
                .map(w -> w.putRequest().item()).toList();
        double consumed = response.consumedCapacity().stream().mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits()).sum();
        return new WriteResult(unprocessed, consumed);
    }

    @Override
    public List<Write> apply(String table, List<Write> writes) {
        List<WriteRequest> requests = writes.stream().map(w -> w.deletes()
                ? WriteRequest.builder().deleteRequest(d -> d.key(w.key())).build()
                : WriteRequest.builder().putRequest(p -> p.item(w.item())).build()).toList();
        BatchWriteItemResponse response = client.batchWriteItem(r -> r.requestItems(Map.of(table, requests)));
        return response.unprocessedItems().getOrDefault(table, List.of()).stream()
                .map(w -> w.deleteRequest() != null ? Write.delete(w.deleteRequest().key()) : Write.put(w.putRequest().item())).toList();
    }

    @Override
    public List<Map<String, AttributeValue>> existingKeys(String table, List<Map<String, AttributeValue>> keys) {
        List<String> names = new ArrayList<>(keys.get(0).keySet());
        Map<String, String> aliases = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            aliases.put("#k" + i, names.get(i));
        }
        return batchGet(table, KeysAndAttributes.builder().keys(keys).consistentRead(true)
                .projectionExpression(String.join(", ", aliases.keySet())).expressionAttributeNames(aliases).build());
    }

    @Override
    public List<Map<String, AttributeValue>> getItems(String table, List<Map<String, AttributeValue>> keys) {
        return batchGet(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
    }

    /** BatchGetItem until no key is left unprocessed. */
    private List<Map<String, AttributeValue>> batchGet(String table, KeysAndAttributes keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        Map<String, KeysAndAttributes> request = Map.of(table, keys);
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> pending = request;
            BatchGetItemResponse response = client.batchGetItem(r -> r.requestItems(pending));
            found.addAll(response.responses().getOrDefault(table, List.of()));
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return found;
    }

    private static ReturnConsumedCapacity capacity(boolean measure) {
        return measure ? ReturnConsumedCapacity.TOTAL : ReturnConsumedCapacity.NONE;
    }

    private static double capacity(ConsumedCapacity consumed) {
        return consumed == null || consumed.capacityUnits() == null ? 0 : consumed.capacityUnits();
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
