package dev.migrator.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The adaptive concurrency on a fake clock and a fake service: a service whose throughput grows with requests in
 * flight up to a capacity, then stays flat. No test sleeps.
 */
class InFlightLimitTest {
    private static final long WINDOW = 1_000_000_000L;

    /**
     * Runs {@code windows} windows: all places but one held, the last one cycled min(limit, capacity) * 10 times
     * (so the service's throughput grows with the limit up to its capacity), the clock moved by a window.
     */
    private static void serve(InFlightLimit limit, AtomicLong clock, int capacity, int windows, boolean throttleAboveCapacity)
            throws InterruptedException {
        for (int w = 0; w < windows; w++) {
            int held = limit.limit() - 1;
            for (int i = 0; i < held; i++) {
                limit.acquire();
            }
            long completions = (long) Math.min(held + 1, capacity) * 10;
            for (long c = 0; c < completions && held < limit.limit(); c++) {
                limit.acquire();
                if (c == completions - 1) {
                    clock.addAndGet(WINDOW);
                }
                limit.release(throttleAboveCapacity && held + 1 > capacity);
            }
            for (int i = 0; i < held; i++) {
                limit.release(false);
            }
        }
    }

    @Test
    void growsWhileThroughputGrowsThenSettlesNearTheServicesCapacity() throws Exception {
        AtomicLong clock = new AtomicLong();
        InFlightLimit limit = InFlightLimit.adaptive(8, 128, clock::get, WINDOW);
        serve(limit, clock, 40, 12, false);
        assertThat(limit.limit()).as(limit.describe()).isBetween(40, 64);
        assertThat(limit.describe()).startsWith("adaptive: ").contains("(4-128");
    }

    @Test
    void neverPassesItsCeiling() throws Exception {
        AtomicLong clock = new AtomicLong();
        InFlightLimit limit = InFlightLimit.adaptive(8, 20, clock::get, WINDOW);
        serve(limit, clock, 1000, 30, false);
        assertThat(limit.limit()).isEqualTo(20);
    }

    @Test
    void backsOffWhenTheServiceThrottles() throws Exception {
        AtomicLong clock = new AtomicLong();
        InFlightLimit limit = InFlightLimit.adaptive(64, 128, clock::get, WINDOW);
        serve(limit, clock, 16, 1, true);
        assertThat(limit.limit()).isLessThan(64);
        assertThat(limit.describe()).contains("backed off 1 time on throttling");
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
