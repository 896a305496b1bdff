package dev.migrator.model;

import java.util.Map;

/**
 * A key the target table may already hold because Stack B seeded it at deploy time (VAMS seeds
 * its admin role, for one). Each key attribute matches exactly, or by prefix.
 */
public record SeededKey(Map<String, Match> attributes, String pointer) {

    public SeededKey {
        attributes = Map.copyOf(attributes);
    }

    /** How one key attribute's value is matched; values are compared as their string form. */
    public sealed interface Match permits Exact, Prefix {
        boolean matches(String value);
    }

    public record Exact(String value) implements Match {
        @Override
        public boolean matches(String candidate) {
            return value.equals(candidate);
        }
    }

    public record Prefix(String prefix) implements Match {
        @Override
        public boolean matches(String candidate) {
            return candidate.startsWith(prefix);
        }
    }

    public boolean matches(Map<String, String> key) {
        return key.size() == attributes.size()
                && attributes.entrySet().stream().allMatch(e ->
                        key.containsKey(e.getKey()) && e.getValue().matches(key.get(e.getKey())));
    }
}
