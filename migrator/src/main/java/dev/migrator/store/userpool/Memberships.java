package dev.migrator.store.userpool;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Group memberships brought in line with the source's, group by group (a membership change does not touch a
 * user's UserLastModifiedDate, so a delta pass cannot see it otherwise): a source member missing from the target
 * group is added, and a target member that is a migrated user but no longer in the source group is removed.
 * Stack B's own users (no source user maps to them) are never touched.
 */
final class Memberships {
    private final UserPoolGateway target;
    private final String targetPool;
    private final CognitoCalls calls;

    Memberships(UserPoolGateway target, String targetPool, CognitoCalls calls) {
        this.target = target;
        this.targetPool = targetPool;
        this.calls = calls;
    }

    /** Changes made: memberships added and removed, and those that could not be (a user not in the target yet). */
    record Changes(long added, long removed, long failed) {}

    /** {@code targetNames}: each source username's name in the target pool. */
    Changes reconcile(GroupDirectory source, Map<String, String> targetNames) throws InterruptedException {
        Set<String> migrated = new HashSet<>(targetNames.values());
        long added = 0;
        long removed = 0;
        long failed = 0;
        for (PoolGroup group : source.groups()) {
            Set<String> wanted = new HashSet<>();
            source.groupsByUser().forEach((user, groups) -> {
                if (groups.contains(group.name()) && targetNames.containsKey(user)) {
                    wanted.add(targetNames.get(user));
                }
            });
            List<String> present = calls.all(token -> target.usersInGroup(targetPool, group.name(), token));
            for (String user : wanted) {
                if (!present.contains(user)) {
                    try {
                        calls.run(() -> target.addToGroup(targetPool, user, group.name()));
                        added++;
                    } catch (RuntimeException e) {
                        failed++;
                    }
                }
            }
            for (String user : present) {
                if (migrated.contains(user) && !wanted.contains(user)) {
                    calls.run(() -> target.removeFromGroup(targetPool, user, group.name()));
                    removed++;
                }
            }
        }
        return new Changes(added, removed, failed);
    }
}
