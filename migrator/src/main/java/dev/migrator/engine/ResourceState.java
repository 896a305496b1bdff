package dev.migrator.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What preflight saw of one resource: whether it exists, whether it is empty, how much it holds
 * where that is cheap to know, and details worth showing (status, key schema, versioning, ...).
 */
public record ResourceState(
        Side side,
        String name,
        boolean exists,
        Optional<Boolean> empty,
        Optional<Long> count,
        boolean countIsEstimate,
        List<String> firstKeys,
        Map<String, String> details) {

    public enum Side { SOURCE, TARGET }

    public ResourceState {
        firstKeys = List.copyOf(firstKeys);
        details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details)); // in the order given
    }

    public static ResourceState missing(Side side, String name) {
        return new ResourceState(side, name, false, Optional.empty(), Optional.empty(), false, List.of(), Map.of());
    }
}
