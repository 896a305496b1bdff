package dev.migrator.store.redis;

import java.util.Optional;

/**
 * What preflight learns of one Redis server: its software and version, the RDB version its DUMP writes, memory
 * (used, and the limit; 0: none), whether it runs as a cluster, the selected database's key count, the keyspace
 * notifications it sends, and whether this user may DUMP and RESTORE.
 */
public record RedisInfo(String software, String version, int rdbVersion, long usedMemory, long datasetMemory, long maxMemory,
                        long systemMemory, boolean cluster, long keys, Optional<String> notifyKeyspaceEvents,
                        boolean dumpAllowed, boolean restoreAllowed, String mode) {

    public String describe() {
        return software + " " + version;
    }
}
