package dev.migrator.store.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.engine.UnitCounters;
import dev.migrator.support.Backoff;
import dev.migrator.support.InFlightLimit;
import dev.migrator.support.RateLimiter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Items DynamoDB hands back unprocessed, and throttling errors, tell the run's request budget to back off; nothing is lost. */
class BatchWriterThrottleTest {
    @Test
    void unprocessedItemsAndThrottlingShrinkTheBudgetAndEveryItemLands() throws Exception {
        InMemoryTableGateway memory = new InMemoryTableGateway().create("t");
        FaultyTableGateway busy = new FaultyTableGateway(memory, 0.2, 0.3, false);
        AtomicLong clock = new AtomicLong();
        InFlightLimit budget = InFlightLimit.adaptive(64, 128, clock::get, 1_000_000_000L);
        UnitCounters counters = new UnitCounters();
        BatchWriter writer = new BatchWriter(busy, "t", 50, Backoff.NONE, RateLimiter.unlimited(), true, null, counters, budget);

        for (int batch = 0; batch < 40; batch++) {
            int first = batch * 25;
            writer.write(IntStream.range(first, first + 25)
                    .mapToObj(i -> Map.of("pk", AttributeValue.fromS("item-" + i))).toList());
        }

        assertThat(memory.contents("t")).hasSize(1000);
        assertThat(counters.written.get()).isEqualTo(1000);
        assertThat(busy.throttled.get() + busy.leftUnprocessed.get()).isPositive();
        assertThat(budget.limit()).as(budget.describe()).isLessThan(64);
        assertThat(budget.describe()).doesNotContain("backed off 0 times");
    }
}
