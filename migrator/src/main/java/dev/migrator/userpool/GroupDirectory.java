package dev.migrator.userpool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A pool's groups and who is in them, read group by group (ListUsersInGroup is one request per 60
 * members, far fewer than one AdminListGroupsForUser per user). Memberships are held in memory:
 * usernames and group names only.
 */
record GroupDirectory(List<PoolGroup> groups, Map<String, List<String>> groupsByUser) {

    static GroupDirectory read(UserPoolGateway pool, String poolId, CognitoCalls calls) throws InterruptedException {
        List<PoolGroup> groups = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            Optional<String> at = token;
            UserPoolGateway.Page<PoolGroup> page = calls.call(() -> pool.listGroups(poolId, at));
            groups.addAll(page.items());
            token = page.next();
        } while (token.isPresent());
        Map<String, List<String>> byUser = new HashMap<>();
        for (PoolGroup group : groups) {
            Optional<String> next = Optional.empty();
            do {
                Optional<String> at = next;
                UserPoolGateway.Page<String> page = calls.call(() -> pool.usersInGroup(poolId, group.name(), at));
                page.items().forEach(u -> byUser.computeIfAbsent(u, k -> new ArrayList<>()).add(group.name()));
                next = page.next();
            } while (next.isPresent());
        }
        return new GroupDirectory(List.copyOf(groups), byUser);
    }

    static Set<String> names(UserPoolGateway pool, String poolId, CognitoCalls calls) throws InterruptedException {
        Set<String> names = new HashSet<>();
        Optional<String> token = Optional.empty();
        do {
            Optional<String> at = token;
            UserPoolGateway.Page<PoolGroup> page = calls.call(() -> pool.listGroups(poolId, at));
            page.items().forEach(g -> names.add(g.name()));
            token = page.next();
        } while (token.isPresent());
        return names;
    }

    List<String> groupsOf(String username) {
        return groupsByUser.getOrDefault(username, List.of());
    }

    long memberships() {
        return groupsByUser.values().stream().mapToLong(List::size).sum();
    }
}
