package dev.migrator.store.bucket;

import java.util.List;
import java.util.Optional;

/**
 * What of a bucket's configuration changes its behaviour after a cut-over: default encryption, lifecycle rules,
 * CORS rules, object lock. Empty where the service would not tell (named in {@code unanswered}).
 */
public record BucketConfig(Optional<String> encryption, Optional<Integer> lifecycleRules, Optional<Integer> corsRules,
                           Optional<String> objectLock, List<String> unanswered) {
    public BucketConfig {
        unanswered = List.copyOf(unanswered);
    }

    static final BucketConfig UNKNOWN = new BucketConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            List.of("encryption", "lifecycle", "CORS", "object lock"));
}
