package dev.migrator.store.redis;

import java.util.List;

/**
 * One key's value read per type, with its remaining TTL in ms ({@code -1}: none) and when it was read on migrator's
 * clock. The type names are Redis's own ({@code TYPE}). Elements are bytes, so binary values round-trip.
 */
public sealed interface TypedValue {
    byte[] key();

    long pttl();

    long readAtNanos();

    /** Redis's name of the type: string, list, set, zset, hash, stream, none, or a module's type. */
    String type();

    /** The key did not exist when read. */
    record Missing(byte[] key, long readAtNanos) implements TypedValue {
        public long pttl() {
            return -2;
        }

        public String type() {
            return "none";
        }
    }

    record Text(byte[] key, byte[] value, long pttl, long readAtNanos) implements TypedValue {
        public String type() {
            return "string";
        }
    }

    record Elements(byte[] key, List<byte[]> elements, long pttl, long readAtNanos) implements TypedValue {
        public String type() {
            return "list";
        }
    }

    record Members(byte[] key, List<byte[]> members, long pttl, long readAtNanos) implements TypedValue {
        public String type() {
            return "set";
        }
    }

    record Scored(byte[] key, List<Score> members, long pttl, long readAtNanos) implements TypedValue {
        public String type() {
            return "zset";
        }
    }

    record Fields(byte[] key, List<Field> fields, long pttl, long readAtNanos) implements TypedValue {
        public String type() {
            return "hash";
        }
    }

    /** A stream's entries in order (consumer groups are not read: only DUMP carries them). */
    record Entries(byte[] key, List<Entry> entries, long pttl, long readAtNanos) implements TypedValue {
        public String type() {
            return "stream";
        }
    }

    /** A type this version does not read per type (a module's, such as ReJSON): only DUMP copies it. */
    record Unreadable(byte[] key, String type, String reason, long pttl, long readAtNanos) implements TypedValue {}

    record Score(byte[] member, double score) {}

    record Field(byte[] name, byte[] value) {}

    record Entry(String id, List<Field> fields) {}
}
