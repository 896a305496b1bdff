package dev.migrator.store.userpool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Replays a user pool's dead letters: each user is imported again from the entry (attributes, enabled
 * flag, groups; never a password). A user who failed after being created (enabling, groups) is updated,
 * whatever the pair's policy for existing users, since this run created it; one who failed at creation
 * or lookup goes through the pair's policy as in the copy.
 */
final class UserPoolReplay {
    private final UserImporter asConfigured;
    private final UserImporter updating;
    private final UserDeadLetters deadLetters;
    private final UserPoolCounters counters;

    UserPoolReplay(UserImporter asConfigured, UserImporter updating, UserDeadLetters deadLetters, UserPoolCounters counters) {
        this.asConfigured = asConfigured;
        this.updating = updating;
        this.deadLetters = deadLetters;
        this.counters = counters;
    }

    void replay(ObjectNode entry) throws InterruptedException {
        counters.read.incrementAndGet();
        UserDeadLetter letter = UserDeadLetter.from(entry);
        PoolUser user = letter.user();
        List<String> groups = letter.groups();
        UserImporter importer = letter.stage().afterCreation() ? updating : asConfigured;
        UserOutcome outcome = importer.importUser(user, groups);
        counters.count(outcome);
        if (outcome instanceof UserOutcome.Failed failed) {
            deadLetters.add(user, groups, failed);
        }
    }
}
