package dev.migrator.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** A benchmark's {@code --name value} options, with the ones every benchmark shares. */
record Args(Map<String, String> values) {
    static Args of(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            values.put(args[i], args[i + 1]);
        }
        return new Args(values);
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    int delayMs() {
        return integer("--delay-ms", 5);
    }

    /** {@code --bandwidth-kib N}: each connection of the link carries at most N KiB/s each way (0, the default: no limit). */
    long bandwidthBytesPerSecond() {
        return integer("--bandwidth-kib", 0) * 1024L;
    }

    Path migratorJar() {
        return Path.of(values.getOrDefault("--migrator-jar", "migrator/target/migrator.jar"));
    }

    boolean profile() {
        return Boolean.parseBoolean(values.get("--profile"));
    }

    /** {@code --only a,b}: the target names of the contenders to run (all when empty). */
    Set<String> only() {
        return values.containsKey("--only") ? Set.of(values.get("--only").split(",")) : Set.of();
    }
}
