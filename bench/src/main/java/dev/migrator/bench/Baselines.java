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
final class Baselines {
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

    /** The write-only ceiling: BatchWriteItem of generated items at the given concurrency (this also fills the source). */
    TableBenchmark.Result writeOnly(String table, int items, int itemBytes) throws Exception {
        String payload = "x".repeat(Math.max(0, itemBytes - 60));
        List<Map<String, AttributeValue>> all = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            all.add(Map.of("pk", AttributeValue.fromS("item-" + (i % 997) + "-" + i), "sk", AttributeValue.fromN(String.valueOf(i)),
                    "payload", AttributeValue.fromS(payload), "n", AttributeValue.fromN("12345.678")));
        }
        long started = System.nanoTime();
        writeAll(table, all);
        return new TableBenchmark.Result("write-only ceiling (bare BatchWriteItem)", items, seconds(started), 0);
    }

    /** Scans everything with the same segments, then writes it all with BatchWriteItem at the same concurrency. */
    TableBenchmark.Result twoPhaseCopy(String source, String target, int segments) throws Exception {
        long started = System.nanoTime();
        List<Map<String, AttributeValue>> all = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> scans = new ArrayList<>();
            for (int s = 0; s < segments; s++) {
                int segment = s;
                scans.add(pool.submit(() -> {
                    Map<String, AttributeValue> start = null;
                    do {
                        ScanRequest.Builder r = ScanRequest.builder().tableName(source).segment(segment).totalSegments(segments);
                        if (start != null) {
                            r.exclusiveStartKey(start);
                        }
                        ScanResponse page = ddb.scan(r.build());
                        all.addAll(page.items());
                        start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
                    } while (start != null);
                }));
            }
            for (Future<?> f : scans) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        writeAll(target, all);
        return new TableBenchmark.Result("two-phase bare copy (scan all, then write all)", all.size(), seconds(started), 0);
    }

    /** What the VAMS script did: one sequential Scan into memory, then one PutItem per item (first {@code limit} items). */
    TableBenchmark.Result sequentialCopy(String source, String target, int limit) {
        long started = System.nanoTime();
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        ddb.scanPaginator(ScanRequest.builder().tableName(source).limit(limit).build()).items().stream().limit(limit).forEach(all::add);
        for (Map<String, AttributeValue> item : all) {
            ddb.putItem(r -> r.tableName(target).item(item));
        }
        return new TableBenchmark.Result("sequential Scan + PutItem (VAMS script)", all.size(), seconds(started), 0);
    }

    private void writeAll(String table, List<Map<String, AttributeValue>> items) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                writers.add(pool.submit(() -> {
                    for (int from = next.getAndAdd(25); from < items.size(); from = next.getAndAdd(25)) {
                        List<WriteRequest> batch = items.subList(from, Math.min(items.size(), from + 25)).stream()
                                .map(i -> WriteRequest.builder().putRequest(p -> p.item(i)).build()).toList();
                        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
                        while (!pending.isEmpty()) {
                            Map<String, List<WriteRequest>> request = pending;
                            var response = ddb.batchWriteItem(r -> r.requestItems(request));
                            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                        }
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

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
