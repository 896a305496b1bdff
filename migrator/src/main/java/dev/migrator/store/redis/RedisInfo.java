package dev.migrator.store.redis;

import java.util.Optional;

/**
 * What preflight learns of one Redis endpoint: its software and version, the RDB version its DUMP writes, memory
 * (used, and the limit; 0: none; summed over a cluster's primaries), whether it runs as a cluster and how healthy
 * that is, the selected database's key count, the keyspace notifications it sends, and whether this user may DUMP
 * and RESTORE.
 */
public record RedisInfo(String software, String version, int rdbVersion, long usedMemory, long datasetMemory, long maxMemory,
                        long systemMemory, boolean cluster, long keys, Optional<String> notifyKeyspaceEvents,
                        boolean dumpAllowed, boolean restoreAllowed, String mode, Cluster slots) {

    /** Every slot of a cluster has a primary: 16384. */
    public static final int SLOTS = 16_384;

    /** A cluster's primaries, state ("ok" or "fail") and slots assigned; for a standalone server, 1, "" and 0. */
    public record Cluster(int primaries, String state, int slotsAssigned) {
        public static final Cluster STANDALONE = new Cluster(1, "", 0);
    }

    public String describe() {
        return software + " " + version;
    }
}
