package dev.migrator.bench;

import dev.migrator.local.LocalEmulators;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The bare programs migrator is measured against, written as plainly as such programs are. */
final class Baselines implements Targets {
    private final DynamoDbClient ddb;
    private final int concurrency;

    Baselines(URI endpoint, int concurrency) {
        this.concurrency = concurrency;
        this.ddb = DynamoDbClient.builder().region(Region.US_EAST_1).endpointOverride(endpoint)
                .httpClient(ApacheHttpClient.builder().maxConnections(64).build())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalEmulators.ACCESS_KEY, LocalEmulators.SECRET_KEY))).build();
    }

    void createTable(String name) {
        ddb.createTable(r -> r.tableName(name).billingMode("PAY_PER_REQUEST")
                .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk").keyType("RANGE"))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"), a -> a.attributeName("sk").attributeType("N")));
    }

    @Override
    public void create(String table) {
        createTable(table);
    }

    @Override
    public void drop(String table) {
        deleteTable(table);
    }

    void deleteTable(String name) {
        ddb.deleteTable(r -> r.tableName(name));
    }

    @Override
    public long count(String table) {
        long n = 0;
        for (ScanResponse page : ddb.scanPaginator(r -> r.tableName(table).select("COUNT"))) {
            n += page.count();
        }
        return n;
    }

    /**
     * Fills a table with generated items of about {@code itemBytes} bytes in the shape of an application's
     * records (strings, numbers, a map, a list, a string set, a boolean), so copies carry every common type.
     */
    void fill(String table, int items, int itemBytes) throws Exception {
        String payload = "x".repeat(Math.max(0, itemBytes - 300));
        List<Map<String, AttributeValue>> all = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            all.add(Map.of("pk", AttributeValue.fromS("item-" + (i % 997) + "-" + i), "sk", AttributeValue.fromN(String.valueOf(i)),
                    "payload", AttributeValue.fromS(payload), "n", AttributeValue.fromN("12345.678"),
                    "owner", AttributeValue.fromM(Map.of("id", AttributeValue.fromS("user-" + (i % 101)),
                            "since", AttributeValue.fromN(String.valueOf(1_700_000_000 + i)), "active", AttributeValue.fromBool(i % 2 == 0))),
                    "tags", AttributeValue.fromSs(List.of("blue", "green", "t" + (i % 13))),
                    "history", AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromS("created"),
                            AttributeValue.fromNul(true)))));
        }
        writeAll(table, all);
    }

    /** Scans with {@code segments} segments feeding a queue that {@code concurrency} BatchWriteItem writers drain. */
    int pipelinedCopy(String source, String target, int segments) throws Exception {
        java.util.concurrent.BlockingQueue<List<Map<String, AttributeValue>>> pages = new java.util.concurrent.ArrayBlockingQueue<>(
                Math.max(4, concurrency * 2));
        List<Map<String, AttributeValue>> end = List.of();
        AtomicInteger copied = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(segments + concurrency);
        try {
            List<Future<?>> scans = new ArrayList<>();
            for (int s = 0; s < segments; s++) {
                int segment = s;
                scans.add(pool.submit(() -> {
                    scanSegment(source, segment, segments, page -> {
                        for (int from = 0; from < page.size(); from += 25) {
                            pages.put(page.subList(from, Math.min(page.size(), from + 25)));
                        }
                    });
                    return null;
                }));
            }
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                writers.add(pool.submit(() -> {
                    for (List<Map<String, AttributeValue>> batch = pages.take(); batch != end; batch = pages.take()) {
                        write(target, batch);
                        copied.addAndGet(batch.size());
                    }
                    return null;
                }));
            }
            for (Future<?> f : scans) {
                f.get();
            }
            for (int w = 0; w < concurrency; w++) {
                pages.put(end);
            }
            for (Future<?> f : writers) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return copied.get();
    }

    interface PageSink {
        void accept(List<Map<String, AttributeValue>> page) throws InterruptedException;
    }

    private void scanSegment(String source, int segment, int segments, PageSink sink) throws InterruptedException {
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder r = ScanRequest.builder().tableName(source).segment(segment).totalSegments(segments);
            if (start != null) {
                r.exclusiveStartKey(start);
            }
            ScanResponse page = ddb.scan(r.build());
            sink.accept(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    private void write(String table, List<Map<String, AttributeValue>> items) {
        Map<String, List<WriteRequest>> pending = Map.of(table, items.stream()
                .map(i -> WriteRequest.builder().putRequest(p -> p.item(i)).build()).toList());
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            var response = ddb.batchWriteItem(r -> r.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    /** Scans everything with the same segments, then writes it all with BatchWriteItem at the same concurrency. */
    int twoPhaseCopy(String source, String target, int segments) throws Exception {
        List<Map<String, AttributeValue>> all = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> scans = new ArrayList<>();
            for (int s = 0; s < segments; s++) {
                int segment = s;
                scans.add(pool.submit(() -> {
                    scanSegment(source, segment, segments, all::addAll);
                    return null;
                }));
            }
            for (Future<?> f : scans) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        writeAll(target, all);
        return all.size();
    }

    /** What the VAMS script did: one sequential Scan into memory, then one PutItem per item (first {@code limit} items). */
    int sequentialCopy(String source, String target, int limit) {
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        ddb.scanPaginator(ScanRequest.builder().tableName(source).limit(limit).build()).items().stream().limit(limit).forEach(all::add);
        for (Map<String, AttributeValue> item : all) {
            ddb.putItem(r -> r.tableName(target).item(item));
        }
        return all.size();
    }

    private void writeAll(String table, List<Map<String, AttributeValue>> items) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                writers.add(pool.submit(() -> {
                    for (int from = next.getAndAdd(25); from < items.size(); from = next.getAndAdd(25)) {
                        write(table, items.subList(from, Math.min(items.size(), from + 25)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : writers) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
