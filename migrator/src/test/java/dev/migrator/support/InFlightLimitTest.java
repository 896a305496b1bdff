package dev.migrator.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongBinaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The adaptive concurrency on a fake clock and a simulated service ({@link Service}) whose throughput grows with
 * requests in flight up to a capacity, then stays flat. No test sleeps.
 */
class InFlightLimitTest {
    private static final long WINDOW = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    /**
     * A service answering each request in 10 ms while at most {@code capacity} are in flight, and proportionally
     * slower above that (throughput capped at capacity per 10 ms); optionally throttling every request answered
     * above capacity. Discrete events on the fake clock: keeps as many requests in flight as the limit (and the
     * demand) allows, and releases each at its answer's time.
     */
    private static final class Service {
        private final InFlightLimit limit;
        private final AtomicLong clock;
        private final PriorityQueue<long[]> inFlight = new PriorityQueue<>(Comparator.comparingLong((long[] r) -> r[0]));
        /** Latency added to a request started at a time on the clock as the {@code n}th in flight (the client's own CPU, say). */
        private final LongBinaryOperator added;

        Service(InFlightLimit limit, AtomicLong clock) {
            this(limit, clock, (at, n) -> 0);
        }

        Service(InFlightLimit limit, AtomicLong clock, LongBinaryOperator added) {
            this.limit = limit;
            this.clock = clock;
            this.added = added;
        }

        /** Runs for {@code millis} of the fake clock with at most {@code demand} requests wanting to be in flight. */
        void run(int capacity, long millis, boolean throttleAboveCapacity, int demand) throws InterruptedException {
            long end = clock.get() + millis * MS;
            while (clock.get() < end) {
                while (inFlight.size() < Math.min(limit.limit(), demand)) {
                    limit.acquire();
                    int n = inFlight.size() + 1;
                    long latency = 10 * MS * Math.max(1, n) / Math.min(Math.max(1, n), capacity) + added.applyAsLong(clock.get(), n);
                    inFlight.add(new long[] {clock.get() + latency, throttleAboveCapacity && n > capacity ? 1 : 0});
                }
                long[] next = inFlight.poll();
                clock.set(next[0]);
                limit.release(next[1] == 1);
            }
        }

        void run(int capacity, long millis, boolean throttleAboveCapacity) throws InterruptedException {
            run(capacity, millis, throttleAboveCapacity, Integer.MAX_VALUE);
        }
    }

    @Test
    void growsWhileThroughputGrowsThenSettlesNearTheServicesCapacity() throws Exception {
        AtomicLong clock = new AtomicLong();
        InFlightLimit limit = InFlightLimit.adaptive(8, 128, clock::get, WINDOW);
        new Service(limit, clock).run(40, 12_000, false);
        assertThat(limit.limit()).as(limit.describe()).isBetween(40, 64);
        assertThat(limit.describe()).startsWith("adaptive: ").contains("(4-128");
    }

    @Test
    void doublesWhileThroughputGrowsFromTheStart() throws Exception {
        AtomicLong clock = new AtomicLong();
        InFlightLimit limit = InFlightLimit.adaptive(8, 128, clock::get, WINDOW);
        new Service(limit, clock).run(1000, 800, false);
        assertThat(limit.limit()).as("8, 16, 32, 64 in under a second: a short step reaches the level a link needs")
                .isEqualTo(64);
    }

    @Test
    void aClientStillWarmingUpDoesNotEndTheSlowStart() throws Exception {
        AtomicLong clock = new AtomicLong();
        InFlightLimit limit = InFlightLimit.adaptive(8, 128, clock::get, WINDOW);
        // the JVM compiling: 20 ms of CPU per request for the first second, then 0.1 ms, on two cores (each request in
        // flight waits for the others' CPU); the service itself is never the limit
        new Service(limit, clock, (at, n) -> n * (at < 1000 * MS ? 20 * MS : MS / 10) / 2).run(1000, 5_000, false);
        assertThat(limit.limit()).as("the first doubling paid nothing while the client was the limit; it doubles once the client "
                + "is fast, not 6 windows later and by half: " + limit.describe()).isGreaterThanOrEqualTo(64);
    }

    @Test
    void aProbeWorseThanItsLevelStillHoldsItsWindows() throws Exception {
        AtomicLong clock = new AtomicLong();
        InFlightLimit limit = InFlightLimit.adaptive(8, 128, clock::get, WINDOW);
        // above 20 in flight each more costs every request dearly (a client thrashing): a probe above is worse than its level
        Service service = new Service(limit, clock, (at, n) -> n > 20 ? (n - 20) * (n - 20) * MS : 0);
        List<Long> probes = new ArrayList<>();
        int before = limit.limit();
        while (clock.get() < 30_000 * MS) {
            service.run(1000, 50, false);
            if (limit.limit() > before && before == 16) {
                probes.add(clock.get());
            }
            before = limit.limit();
        }
        assertThat(before).as(limit.describe()).isEqualTo(16);
        assertThat(probes).as("probes above 16 (ns)").hasSizeGreaterThan(1);
        for (int i = 1; i < probes.size(); i++) {
            assertThat(probes.get(i) - probes.get(i - 1)).as("a worse probe is a verdict: none again before its hold of 6 windows ends")
                    .isGreaterThanOrEqualTo(6 * WINDOW);
        }
    }

    @Test
    void aWindowThatNeverReachedTheLimitIsNoVerdictOnIt() throws Exception {
        AtomicLong clock = new AtomicLong();
        InFlightLimit limit = InFlightLimit.adaptive(8, 128, clock::get, WINDOW);
        Service service = new Service(limit, clock);
        service.run(1000, 300, false);
        assertThat(limit.limit()).isEqualTo(16);
        service.run(1000, 1000, false, 1); // one request at a time: throughput far below the last window's
        assertThat(limit.limit()).as("neither settled back nor grown").isEqualTo(16);
        service.run(1000, 600, false); // the trickle's last window, then a full one
        assertThat(limit.limit()).as("still doubling").isIn(32, 64);
    }

    @Test
    void probesAgainAFewWindowsAfterAProbeThatDidNotPay() throws Exception {
        AtomicLong clock = new AtomicLong();
        InFlightLimit limit = InFlightLimit.adaptive(8, 128, clock::get, WINDOW);
        Service service = new Service(limit, clock);
        service.run(20, 6_000, false);
        assertThat(limit.limit()).as(limit.describe()).isBetween(20, 32);
        service.run(1000, 10_000, false); // the service got faster (another step ended, a partition split)
        assertThat(limit.limit()).as(limit.describe()).isGreaterThan(32);
    }

    @Test
    void neverPassesItsCeiling() throws Exception {
        AtomicLong clock = new AtomicLong();
        InFlightLimit limit = InFlightLimit.adaptive(8, 20, clock::get, WINDOW);
        new Service(limit, clock).run(1000, 30_000, false);
        assertThat(limit.limit()).isEqualTo(20);
    }

    @Test
    void backsOffWhenTheServiceThrottlesAndWaitsLongerBeforeProbing() throws Exception {
        AtomicLong clock = new AtomicLong();
        InFlightLimit limit = InFlightLimit.adaptive(64, 128, clock::get, WINDOW);
        Service service = new Service(limit, clock);
        service.run(16, 2_000, true);
        assertThat(limit.limit()).as(limit.describe()).isBetween(4, 16);
        assertThat(limit.describe()).containsPattern("backed off [1-9][0-9]* times? on throttling");
        int settled = limit.limit();
        service.run(1000, 10_000, true);
        assertThat(limit.limit()).as("no probe for 20 windows after throttling, though a probe would pay now").isEqualTo(settled);
    }

    @Test
    void aFixedLimitStaysPut() throws Exception {
        AtomicLong clock = new AtomicLong();
        InFlightLimit limit = InFlightLimit.fixed(8);
        for (int i = 0; i < 1000; i++) {
            limit.acquire();
            limit.release(true);
        }
        assertThat(limit.limit()).isEqualTo(8);
        assertThat(limit.describe()).isEqualTo("fixed at 8");
    }

    @Test
    void throttlingIsToldApartFromOtherFailures() {
        assertThat(Retryable.isThrottling(service(503, "SlowDown"))).isTrue();
        assertThat(Retryable.isThrottling(service(400, "ProvisionedThroughputExceededException"))).isTrue();
        assertThat(Retryable.isThrottling(service(400, "TooManyRequestsException"))).isTrue();
        assertThat(Retryable.isThrottling(service(500, "InternalError"))).isFalse();
        assertThat(Retryable.isThrottling(service(403, "AccessDenied"))).isFalse();
    }

    private static AwsServiceException service(int status, String code) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }
}
