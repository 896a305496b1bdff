package dev.migrator.store.userpool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pool's groups and who is in them, read group by group (ListUsersInGroup is one request per 60
 * members, far fewer than one AdminListGroupsForUser per user). Memberships are held in memory:
 * usernames and group names only.
 */
record GroupDirectory(List<PoolGroup> groups, Map<String, List<String>> groupsByUser) {

    static GroupDirectory read(UserPoolGateway pool, String poolId, CognitoCalls calls) throws InterruptedException {
        List<PoolGroup> groups = calls.all(token -> pool.listGroups(poolId, token));
        Map<String, List<String>> byUser = new HashMap<>();
        for (PoolGroup group : groups) {
            for (String user : calls.all(token -> pool.usersInGroup(poolId, group.name(), token))) {
                byUser.computeIfAbsent(user, k -> new ArrayList<>()).add(group.name());
            }
        }
        return new GroupDirectory(List.copyOf(groups), byUser);
    }

    static Set<String> names(UserPoolGateway pool, String poolId, CognitoCalls calls) throws InterruptedException {
        Set<String> names = new HashSet<>();
        calls.all(token -> pool.listGroups(poolId, token)).forEach(g -> names.add(g.name()));
        return names;
    }

    List<String> groupsOf(String username) {
        return groupsByUser.getOrDefault(username, List.of());
    }

    long memberships() {
        return groupsByUser.values().stream().mapToLong(List::size).sum();
    }
}
