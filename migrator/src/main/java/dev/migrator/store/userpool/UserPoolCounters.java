package dev.migrator.store.userpool;

import dev.migrator.engine.UnitCounters;

import dev.migrator.engine.StepResult;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Live counts of one user pool copy; they become the step's counters and outputs. */
final class UserPoolCounters extends UnitCounters {
    private static final int FEDERATED_NAMED = 50;

    final AtomicLong created = new AtomicLong();
    final AtomicLong updated = new AtomicLong();
    final AtomicLong existingSkipped = new AtomicLong();
    final AtomicLong federated = new AtomicLong();
    final AtomicLong groupsCreated = new AtomicLong();
    final ConcurrentLinkedQueue<String> federatedNames = new ConcurrentLinkedQueue<>();

    void count(UserOutcome outcome) {
        if (outcome instanceof UserOutcome.Created) {
            created.incrementAndGet();
            written.incrementAndGet();
        } else if (outcome instanceof UserOutcome.Updated) {
            updated.incrementAndGet();
            written.incrementAndGet();
        } else if (outcome instanceof UserOutcome.SkippedExisting) {
            existingSkipped.incrementAndGet();
            skipped.incrementAndGet();
        } else if (outcome instanceof UserOutcome.Federated f) {
            federated.incrementAndGet();
            skipped.incrementAndGet();
            if (federatedNames.size() < FEDERATED_NAMED) {
                federatedNames.add(f.username());
            }
        } else {
            failed.incrementAndGet();
        }
    }


    /** "0", or the count and the first usernames: they sign in through their identity provider and need no copy. */
    String federatedSummary() {
        long n = federated.get();
        if (n == 0) {
            return "0";
        }
        List<String> names = List.copyOf(federatedNames);
        return n + " (not created: they sign in through their identity provider, which creates them in Stack B's pool on first sign-in): "
                + String.join(", ", names) + (n > names.size() ? ", ..." : "");
    }

}
