package dev.migrator.store.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Tables held in memory with a hash key {@code pk} (type S): the copier, replay and verifier logic tested
 * without an emulator, in milliseconds. Scans split items over segments by key hash and page by key order;
 * writes are counted, and {@code rejectWrites} makes every BatchWriteItem fail with a non-retryable error.
 */
final class InMemoryTableGateway implements TableGateway {
    private final Map<String, TreeMap<String, Map<String, AttributeValue>>> tables = new ConcurrentHashMap<>();
    final AtomicLong batchWrites = new AtomicLong();
    /** Items returned by Scan and by BatchGetItem: how often verification reads each item. */
    final AtomicLong itemsScanned = new AtomicLong();
    final AtomicLong itemsFetched = new AtomicLong();
    volatile boolean rejectWrites;
    /** Where exports go (set by a test that starts them), and the exports started, by client token. */
    InMemoryExportFiles exportFiles;
    final Map<String, String> exportsByToken = new ConcurrentHashMap<>();
    private final Map<String, Integer> polls = new ConcurrentHashMap<>();

    InMemoryTableGateway create(String table) {
        tables.put(table, new TreeMap<>());
        return this;
    }

    synchronized void put(String table, Map<String, AttributeValue> item) {
        tables.get(table).put(item.get("pk").s(), Map.copyOf(item));
    }

    synchronized Map<String, Map<String, AttributeValue>> contents(String table) {
        return new LinkedHashMap<>(tables.get(table));
    }

    @Override
    public synchronized Optional<TableInfo> describe(String table) {
        TreeMap<String, Map<String, AttributeValue>> items = tables.get(table);
        return items == null ? Optional.empty() : Optional.of(new TableInfo(table, "ACTIVE",
                List.of(new TableInfo.KeyAttribute("pk", "HASH", "S")), items.size(), items.size() * 100L, "PAY_PER_REQUEST",
                false, Map.of(), "", "", Map.of(), "STANDARD"));
    }

    @Override
    public synchronized List<Map<String, String>> firstKeys(String table, List<String> keyAttributes, int limit) {
        return tables.get(table).keySet().stream().limit(limit).map(k -> Map.of("pk", k)).toList();
    }

    @Override
    public synchronized ScanPage scan(String table, int segment, int totalSegments, Map<String, AttributeValue> startKey, int limit,
                                      boolean measureCapacity) {
        List<Map<String, AttributeValue>> page = new ArrayList<>();
        String after = startKey == null ? null : startKey.get("pk").s();
        for (Map.Entry<String, Map<String, AttributeValue>> e : tables.get(table).entrySet()) {
            if (Math.floorMod(e.getKey().hashCode(), totalSegments) != segment || (after != null && e.getKey().compareTo(after) <= 0)) {
                continue;
            }
            page.add(e.getValue());
            if (page.size() == limit) {
                itemsScanned.addAndGet(page.size());
                return new ScanPage(page, Map.of("pk", AttributeValue.fromS(e.getKey())), 0);
            }
        }
        itemsScanned.addAndGet(page.size());
        return new ScanPage(page, null, 0);
    }

    @Override
    public synchronized WriteResult batchWrite(String table, List<Map<String, AttributeValue>> items, boolean measureCapacity) {
        batchWrites.incrementAndGet();
        if (rejectWrites) {
            throw software.amazon.awssdk.services.dynamodb.model.DynamoDbException.builder().message("rejected by the test")
                    .statusCode(400).build();
        }
        items.forEach(item -> put(table, item));
        return new WriteResult(List.of(), 0);
    }

    /** As BatchWriteItem: at most 25 writes, each of another key (DynamoDB rejects a batch that names a key twice). */
    @Override
    public synchronized List<Write> apply(String table, List<Write> writes) {
        batchWrites.incrementAndGet();
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Write w : writes) {
            if (!keys.add((w.deletes() ? w.key() : w.item()).get("pk").s())) {
                throw software.amazon.awssdk.services.dynamodb.model.DynamoDbException.builder()
                        .message("Provided list of item keys contains duplicates").statusCode(400).build();
            }
        }
        if (writes.size() > 25) {
            throw new IllegalArgumentException("more than 25 writes in one batch");
        }
        return TableGateway.super.apply(table, writes);
    }

    @Override
    public synchronized void putItem(String table, Map<String, AttributeValue> item) {
        put(table, item);
    }

    @Override
    public synchronized void deleteItem(String table, Map<String, AttributeValue> key) {
        tables.get(table).remove(key.get("pk").s());
    }

    @Override
    public synchronized List<Map<String, AttributeValue>> existingKeys(String table, List<Map<String, AttributeValue>> keys) {
        return keys.stream().filter(k -> tables.get(table).containsKey(k.get("pk").s())).toList();
    }

    @Override
    public synchronized List<Map<String, AttributeValue>> getItems(String table, List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = keys.stream().map(k -> tables.get(table).get(k.get("pk").s()))
                .filter(java.util.Objects::nonNull).toList();
        itemsFetched.addAndGet(found.size());
        return found;
    }

    /** Writes the table as it is into {@link #exportFiles}, laid out as DynamoDB does, once per client token. */
    @Override
    public synchronized String startExport(String table, String bucket, String prefix, String clientToken) {
        return exportsByToken.computeIfAbsent(clientToken, token -> {
            String id = "0170000000000" + exportsByToken.size() + "-" + token.substring(0, 8);
            String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + table + "/export/" + id;
            exportFiles.layOut(bucket, prefix, arn, new ArrayList<>(tables.get(table).values()), 2);
            return arn;
        });
    }

    /** IN_PROGRESS for the first two asks, then COMPLETED. */
    @Override
    public ExportState exportState(String exportArn) {
        int asked = polls.merge(exportArn, 1, Integer::sum);
        return new ExportState(asked <= 2 ? "IN_PROGRESS" : "COMPLETED", "");
    }
}
