package dev.migrator.schema;

import dev.migrator.model.RedisEndpoint;
import dev.migrator.model.RedisPair;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of Redis pairs a JSON Schema cannot express: a password is never written in the schema, one
 * place for it, source differs from target, no target database named twice, modes this version can run.
 */
final class RedisCheck {
    private final ProblemCollector problems;
    private final Set<String> placeholders;

    RedisCheck(ProblemCollector problems, Set<String> placeholders) {
        this.problems = problems;
        this.placeholders = placeholders;
    }

    /** {@code passwords}: the pointers of endpoints that write a password inline (read from the file itself). */
    void check(List<RedisPair> pairs, Set<String> passwords) {
        Map<String, String> targets = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (RedisPair pair : pairs) {
            endpoint(pair.source(), passwords);
            endpoint(pair.target(), passwords);
            if (address(pair.source()).equals(address(pair.target())) && !placeholders.contains(pair.target().pointer() + "/host")) {
                problems.error(pair.target().pointer(), "source and target are the same Redis database " + pair.target().describe(),
                        "name Stack B's Redis server (or another database index) as the target");
            }
            once(targets, address(pair.target()), pair.target().pointer(), "Redis database " + pair.target().describe(), "target of");
            once(names, pair.name(), pair.at().pair(), "Redis pair name '" + pair.name() + "'", "name of");
        }
    }

    private void endpoint(RedisEndpoint endpoint, Set<String> passwords) {
        String at = endpoint.pointer();
        if (passwords.contains(at)) {
            problems.error(at + "/password", "a password is never written into the schema file",
                    "remove it and name where it is: \"passwordEnv\": \"SOURCE_REDIS_PASSWORD\" (an environment variable) "
                            + "or \"passwordFile\": \"/run/secrets/redis\" (a file only you can read)");
        }
        if (endpoint.passwordEnv().isPresent() && endpoint.passwordFile().isPresent()) {
            problems.error(at, "both passwordEnv and passwordFile are given", "keep one of them");
        }
        if (endpoint.cluster() && endpoint.database() != 0) {
            problems.error(at + "/database", "a Redis cluster has only database 0, but database " + endpoint.database() + " is named",
                    "leave \"database\" out for a cluster");
        }
    }

    private void once(Map<String, String> firstAt, String key, String at, String what, String role) {
        String previous = firstAt.putIfAbsent(key, at);
        if (previous != null) {
            problems.error(at, what + " is already the " + role + " " + previous,
                    "each may appear once; remove the duplicate or name a different one");
        }
    }

    private static String address(RedisEndpoint endpoint) {
        return endpoint.host().toLowerCase(java.util.Locale.ROOT) + ":" + endpoint.port() + "/" + endpoint.database();
    }
}
