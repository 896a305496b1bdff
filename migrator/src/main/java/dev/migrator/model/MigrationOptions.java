package dev.migrator.model;

import java.util.Optional;

/**
 * Run-wide settings; every field has a default an operator can rely on. {@code concurrency} is the most
 * requests in flight (and worker threads per pool): fixed when the schema names it, else the ceiling of the
 * adaptive concurrency ({@code adaptiveConcurrency}), which starts at {@link #ADAPTIVE_START}.
 */
public record MigrationOptions(
        int concurrency,
        boolean adaptiveConcurrency,
        int parallelSteps,
        Optional<RateLimit> readRateLimit,
        Optional<RateLimit> writeRateLimit,
        NonEmptyTargetPolicy ifTargetNotEmpty,
        int maxRetries,
        Optional<String> stateDirectory,
        long multipartThreshold,
        long multipartPartSize,
        double maxLagSeconds) {

    /** Where the adaptive concurrency starts, and the old fixed default. */
    public static final int ADAPTIVE_START = 8;
    public static final int DEFAULT_MAX_CONCURRENCY = 128;
    public static final int DEFAULT_PARALLEL_STEPS = 4;
    public static final int DEFAULT_MAX_RETRIES = 10;
    /** CopyObject copies up to 5 GiB; larger objects need a multipart copy. */
    public static final long DEFAULT_MULTIPART_THRESHOLD = 5 * ByteSize.GIB;
    public static final long DEFAULT_MULTIPART_PART_SIZE = 256 * ByteSize.MIB;
    /** S3's bounds on a part (the last part may be smaller) and on a single CopyObject. */
    public static final long MIN_PART_SIZE = 5 * ByteSize.MIB;
    public static final long MAX_PART_SIZE = 5 * ByteSize.GIB;

    public static MigrationOptions defaults() {
        return new MigrationOptions(DEFAULT_MAX_CONCURRENCY, true, DEFAULT_PARALLEL_STEPS, Optional.empty(), Optional.empty(),
                NonEmptyTargetPolicy.REFUSE, DEFAULT_MAX_RETRIES, Optional.empty(),
                DEFAULT_MULTIPART_THRESHOLD, DEFAULT_MULTIPART_PART_SIZE, 0);
    }

    /** A request budget per second, in items or in capacity units. */
    public record RateLimit(double perSecond, Unit unit) {
        public enum Unit { ITEMS, CAPACITY_UNITS }
    }
}
