package dev.migrator.store.redis;

import java.util.Optional;

/**
 * Which RDB serialization version a server writes in DUMP and reads in RESTORE, by release: a server refuses a
 * payload newer than its own ("DUMP payload version or checksum are wrong"), so a DUMP from Redis 7.2 cannot RESTORE
 * into 6.2.
 */
final class RdbVersions {
    private RdbVersions() {}

    /** The RDB version of a Redis or Valkey release; 0 when unknown (too old to say). */
    static int of(String software, String version) {
        int[] v = parse(version);
        if ("valkey".equals(software)) {
            return v[0] >= 9 ? 80 : 11; // Valkey 7.2 and 8.x write RDB 11; Valkey 9 moved to 80
        }
        int mm = v[0] * 100 + v[1];
        if (mm >= 704) {
            return 12;
        }
        if (mm >= 702) {
            return 11;
        }
        if (mm >= 700) {
            return 10;
        }
        if (mm >= 500) {
            return 9;
        }
        if (mm >= 400) {
            return 8;
        }
        return mm >= 302 ? 8 : 0;
    }

    /** Why the target cannot RESTORE the source's DUMP, or empty when it can (or one side's version is unknown). */
    static Optional<String> incompatibility(RedisInfo source, RedisInfo target) {
        if (source.rdbVersion() == 0 || target.rdbVersion() == 0 || source.rdbVersion() <= target.rdbVersion()) {
            return Optional.empty();
        }
        return Optional.of("the source (" + source.describe() + ") writes RDB version " + source.rdbVersion()
                + " in DUMP, but the target (" + target.describe() + ") reads RDB versions up to " + target.rdbVersion()
                + ": RESTORE would refuse every key");
    }

    private static int[] parse(String version) {
        String[] parts = version.split("\\.");
        int[] v = new int[2];
        for (int i = 0; i < 2 && i < parts.length; i++) {
            try {
                v[i] = Integer.parseInt(parts[i].replaceAll("\\D.*", ""));
            } catch (NumberFormatException e) {
                v[i] = 0;
            }
        }
        return v;
    }
}
