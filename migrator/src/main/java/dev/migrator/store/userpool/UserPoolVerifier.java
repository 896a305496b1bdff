package dev.migrator.store.userpool;

import dev.migrator.engine.MismatchLog;
import dev.migrator.engine.Sampling;
import dev.migrator.engine.StepId;
import dev.migrator.engine.Verification;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a user pool pair: every (sampled) source user has a target user under the username the run
 * gives it, with the same writable attributes, enabled flag and groups; and, on a full check, no target
 * user comes from nowhere. Federated users are not copyable and counted apart. Usernames and
 * attributes of both pools are held in memory.
 */
final class UserPoolVerifier {
    private final dev.migrator.engine.ProgressListener progress;
    private final UserPoolGateway source;
    private final UserPoolGateway target;
    private final CognitoCalls calls;

    UserPoolVerifier(UserPoolGateway source, UserPoolGateway target, CognitoCalls calls, dev.migrator.engine.ProgressListener progress) {
        this.progress = progress;
        this.source = source;
        this.target = target;
        this.calls = calls;
    }

    Verification verify(StepId id, String sourcePool, String targetPool, double sampleRate) throws InterruptedException {
        long started = System.nanoTime();
        MismatchLog log = new MismatchLog(progress, id);
        UserPoolInfo targetInfo = target.describe(targetPool).orElseThrow();
        GroupDirectory sourceGroups = GroupDirectory.read(source, sourcePool, calls);
        GroupDirectory targetGroups = GroupDirectory.read(target, targetPool, calls);
        Map<String, PoolUser> targetUsers = users(target, targetPool);
        log.targetCount.set(targetUsers.size());
        Set<String> expected = new HashSet<>();
        for (PoolUser user : users(source, sourcePool).values()) {
            log.sourceCount.incrementAndGet();
            if (user.federated()) {
                log.notCopyable.incrementAndGet();
                continue;
            }
            String username = UserImporter.targetUsername(user, targetInfo);
            expected.add(username);
            if (!Sampling.chosen(username, sampleRate)) {
                continue;
            }
            log.checkedOne();
            PoolUser copy = targetUsers.get(username);
            if (copy == null) {
                log.missing(username);
            } else if (!comparable(user, targetInfo).equals(comparable(copy, targetInfo))) {
                log.different(username + ": attributes differ");
            } else if (user.enabled() != copy.enabled()) {
                log.different(username + ": enabled " + user.enabled() + " became " + copy.enabled());
            } else if (!new HashSet<>(sourceGroups.groupsOf(user.username())).equals(new HashSet<>(targetGroups.groupsOf(username)))) {
                log.different(username + ": groups " + sourceGroups.groupsOf(user.username()) + " became " + targetGroups.groupsOf(username));
            } else {
                log.matched.incrementAndGet();
            }
        }
        if (sampleRate >= 1) {
            targetUsers.keySet().stream().filter(u -> !expected.contains(u)).forEach(log::extra);
        }
        return log.result(id, sampleRate, started, sampleRate >= 1 ? "" : "sampled: extra target users are not counted");
    }

    /** The attributes the run writes: writable ones, custom ones only where the target pool has them. */
    private static Map<String, String> comparable(PoolUser user, UserPoolInfo targetInfo) {
        Map<String, String> attributes = new LinkedHashMap<>(user.writableAttributes());
        attributes.keySet().removeIf(name -> (name.startsWith("custom:") || name.startsWith("dev:")) && targetInfo.attribute(name).isEmpty());
        return new HashMap<>(attributes);
    }

    private Map<String, PoolUser> users(UserPoolGateway pool, String poolId) throws InterruptedException {
        Map<String, PoolUser> users = new LinkedHashMap<>();
        calls.all(token -> pool.listUsers(poolId, token)).forEach(u -> users.put(u.username(), u));
        return users;
    }
}
