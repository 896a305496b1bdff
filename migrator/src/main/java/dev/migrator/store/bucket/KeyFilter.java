package dev.migrator.store.bucket;

import java.util.ArrayList;
import java.util.List;

/**
 * The pair's include and exclude key prefixes: which prefixes to list, and which listed keys to copy; in a
 * sharded run, only the keys of this worker's {@code slice}.
 */
record KeyFilter(List<String> include, List<String> exclude, dev.migrator.engine.Shard slice) {

    KeyFilter(List<String> include, List<String> exclude) {
        this(include, exclude, dev.migrator.engine.Shard.WHOLE);
    }

    /** Prefixes to list, none inside another (so no key is listed twice); the whole bucket when nothing is included. */
    List<String> listingPrefixes() {
        if (include.isEmpty() || include.contains("")) {
            return List.of("");
        }
        List<String> sorted = include.stream().distinct().sorted().toList();
        List<String> prefixes = new ArrayList<>();
        for (String p : sorted) {
            if (prefixes.stream().noneMatch(p::startsWith)) {
                prefixes.add(p);
            }
        }
        return prefixes;
    }

    boolean accepts(String key) {
        return exclude.stream().noneMatch(key::startsWith) && slice.owns(key);
    }
}
