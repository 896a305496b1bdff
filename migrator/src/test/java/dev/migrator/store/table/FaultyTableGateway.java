package dev.migrator.store.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * Wraps a real gateway and misbehaves like DynamoDB under load: throttles a share of scans and
 * writes, and writes only part of a batch, returning the rest as UnprocessedItems.
 */
final class FaultyTableGateway implements TableGateway {
    private final TableGateway real;
    private final double throttleRate;
    private final double unprocessedRate;
    private final boolean alwaysFailWrites;
    private final Random random = new Random(42);
    final AtomicLong throttled = new AtomicLong();
    final AtomicLong leftUnprocessed = new AtomicLong();

    FaultyTableGateway(TableGateway real, double throttleRate, double unprocessedRate, boolean alwaysFailWrites) {
        this.real = real;
        this.throttleRate = throttleRate;
        this.unprocessedRate = unprocessedRate;
        this.alwaysFailWrites = alwaysFailWrites;
    }

    @Override
    public TableConfig configuration(String table, TableInfo info) {
        return real.configuration(table, info);
    }

    @Override
    public Optional<TableInfo> describe(String table) {
        return real.describe(table);
    }

    @Override
    public List<Map<String, String>> firstKeys(String table, List<String> keyAttributes, int limit) {
        return real.firstKeys(table, keyAttributes, limit);
    }

    @Override
    public ScanPage scan(String table, int segment, int totalSegments, Map<String, AttributeValue> startKey, int limit,
                         boolean measureCapacity) {
        maybeThrottle();
        return real.scan(table, segment, totalSegments, startKey, limit, measureCapacity);
    }

    @Override
    public WriteResult batchWrite(String table, List<Map<String, AttributeValue>> items, boolean measureCapacity) {
        if (alwaysFailWrites) {
            throttled.incrementAndGet();
            throw throttling();
        }
        maybeThrottle();
        List<Map<String, AttributeValue>> now = new ArrayList<>();
        List<Map<String, AttributeValue>> later = new ArrayList<>();
        synchronized (random) {
            for (Map<String, AttributeValue> item : items) {
                (random.nextDouble() < unprocessedRate ? later : now).add(item);
            }
        }
        if (!now.isEmpty()) {
            List<Map<String, AttributeValue>> stillLeft = real.batchWrite(table, now, measureCapacity).unprocessed();
            later.addAll(stillLeft);
        }
        leftUnprocessed.addAndGet(later.size());
        return new WriteResult(later, 0);
    }

    @Override
    public List<Map<String, AttributeValue>> getItems(String table, List<Map<String, AttributeValue>> keys) {
        return real.getItems(table, keys);
    }

    @Override
    public List<Map<String, AttributeValue>> existingKeys(String table, List<Map<String, AttributeValue>> keys) {
        return real.existingKeys(table, keys);
    }

    private void maybeThrottle() {
        boolean fail;
        synchronized (random) {
            fail = random.nextDouble() < throttleRate;
        }
        if (fail) {
            throttled.incrementAndGet();
            throw throttling();
        }
    }

    private static DynamoDbException throttling() {
        return (DynamoDbException) ProvisionedThroughputExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException")
                        .errorMessage("injected throttling").build())
                .message("injected throttling").build();
    }

    @Override
    public void putItem(String table, Map<String, AttributeValue> item) {
        real.putItem(table, item);
    }

    @Override
    public void deleteItem(String table, Map<String, AttributeValue> key) {
        real.deleteItem(table, key);
    }
}
