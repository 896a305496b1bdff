package dev.migrator.model;

import java.util.Optional;

/** Run-wide settings; every field has a default an operator can rely on. */
public record MigrationOptions(
        int concurrency,
        Optional<RateLimit> readRateLimit,
        Optional<RateLimit> writeRateLimit,
        NonEmptyTargetPolicy ifTargetNotEmpty,
        int maxRetries,
        Optional<String> stateDirectory) {

    public static final int DEFAULT_CONCURRENCY = 8;
    public static final int DEFAULT_MAX_RETRIES = 10;

    public static MigrationOptions defaults() {
        return new MigrationOptions(DEFAULT_CONCURRENCY, Optional.empty(), Optional.empty(),
                NonEmptyTargetPolicy.REFUSE, DEFAULT_MAX_RETRIES, Optional.empty());
    }

    /** A request budget per second, in items or in capacity units. */
    public record RateLimit(double perSecond, Unit unit) {
        public enum Unit { ITEMS, CAPACITY_UNITS }
    }
}
