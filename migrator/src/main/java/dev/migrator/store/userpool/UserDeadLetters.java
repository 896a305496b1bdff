package dev.migrator.store.userpool;

import dev.migrator.support.DeadLetterFile;
import java.time.Instant;
import java.util.List;

/** Writes a user that was not recreated ({@link UserDeadLetter}): attributes and groups, never a password. */
final class UserDeadLetters {
    private final DeadLetterFile file;
    private final String step;
    private final String sourcePool;

    UserDeadLetters(DeadLetterFile file, String step, String sourcePool) {
        this.file = file;
        this.step = step;
        this.sourcePool = sourcePool;
    }

    void add(PoolUser user, List<String> groups, UserOutcome.Failed failure) {
        file.write(new UserDeadLetter(step, sourcePool, user, failure.username(), groups, failure.stage(), failure.reason(),
                Instant.now()));
    }
}
