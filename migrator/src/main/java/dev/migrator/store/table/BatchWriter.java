package dev.migrator.store.table;

import dev.migrator.engine.UnitCounters;

import dev.migrator.support.AwsErrors;
import dev.migrator.support.Retryable;
import dev.migrator.support.InFlightLimit;
import dev.migrator.support.Backoff;
import dev.migrator.support.RateLimiter;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes batches of up to 25 items with BatchWriteItem. UnprocessedItems are re-sent with
 * exponential backoff and jitter; throttling, 5xx and network errors are retried; a batch DynamoDB
 * rejects is split to find the items at fault. Whatever the retry budget cannot write is
 * dead-lettered with its reason: nothing is dropped silently.
 */
final class BatchWriter {
    static final int MAX_BATCH = 25;

    private final TableGateway gateway;
    private final String table;
    private final int maxRetries;
    private final Backoff backoff;
    private final RateLimiter writeLimit;
    private final boolean limitInItems;
    private final DeadLetters deadLetters;
    private final UnitCounters counters;
    private final InFlightLimit inFlight;

    BatchWriter(TableGateway gateway, String table, int maxRetries, Backoff backoff, RateLimiter writeLimit,
                boolean limitInItems, DeadLetters deadLetters, UnitCounters counters, InFlightLimit inFlight) {
        this.inFlight = inFlight;
        this.gateway = gateway;
        this.table = table;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.writeLimit = writeLimit;
        this.limitInItems = limitInItems;
        this.deadLetters = deadLetters;
        this.counters = counters;
    }

    void write(List<Map<String, AttributeValue>> items) throws InterruptedException {
        List<Map<String, AttributeValue>> pending = items;
        String lastProblem = "";
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > maxRetries) {
                String reason = "retry budget of " + maxRetries + " retries exhausted; last: " + lastProblem;
                pending.forEach(item -> deadLetters.add(item, ItemDeadLetter.Stage.WRITE, reason));
                return;
            }
            if (attempt > 0) {
                backoff.sleep(attempt);
            }
            if (limitInItems) {
                writeLimit.acquire(pending.size());
            }
            inFlight.acquire();
            boolean throttled = false;
            RuntimeException rejected = null;
            double consumed = 0;
            try {
                TableGateway.WriteResult result = gateway.batchWrite(table, pending, !limitInItems);
                throttled = !result.unprocessed().isEmpty(); // DynamoDB hands back what it could not take now
                consumed = result.consumedCapacity();
                counters.written.addAndGet(pending.size() - result.unprocessed().size());
                pending = result.unprocessed();
                lastProblem = pending.size() + " item(s) returned as UnprocessedItems";
            } catch (RuntimeException e) {
                throttled = Retryable.isThrottling(e);
                if (Retryable.isRetryable(e)) {
                    lastProblem = AwsErrors.describe(e);
                } else {
                    rejected = e;
                }
            } finally {
                inFlight.release(throttled);
            }
            if (!limitInItems) { // a capacity budget is paid after the call, without holding a place in flight
                writeLimit.acquire(consumed);
            }
            if (rejected != null) {
                isolate(pending, rejected);
                return;
            }
        }
    }

    /** DynamoDB rejected the batch as a whole: write the items one by one so only the bad ones fail. */
    private void isolate(List<Map<String, AttributeValue>> items, RuntimeException e) throws InterruptedException {
        if (items.size() == 1) {
            deadLetters.add(items.get(0), ItemDeadLetter.Stage.WRITE, "rejected by DynamoDB: " + AwsErrors.describe(e));
            return;
        }
        for (Map<String, AttributeValue> item : items) {
            write(List.of(item));
        }
    }
}
