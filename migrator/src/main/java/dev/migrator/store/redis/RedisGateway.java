package dev.migrator.store.redis;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The narrow interface migrator needs of one Redis server (one database of it), in front of the client library,
 * so the step is testable with fakes and nothing above it sees a client type. Keys and values are bytes
 * (binary-safe). Batch calls are pipelined: one round trip per call, one outcome per key in the order given.
 * A lost connection throws {@link dev.migrator.support.TransientException}; a refused command for one key is
 * that key's outcome, not an exception.
 */
public interface RedisGateway extends AutoCloseable {

    /** What the server says of itself (INFO, CONFIG, probes of DUMP and RESTORE); throws when it cannot be reached. */
    RedisInfo info();

    /** One SCAN page from {@code cursor} ("0" starts); {@code match}: a server-side glob, when one pattern selects. */
    ScanPage scan(String cursor, Optional<String> match, int count);

    /** DUMP and PTTL of each key. */
    List<Dumped> dump(List<byte[]> keys);

    /** RESTORE of each dump with its TTL (0: none); REPLACE where asked. */
    List<Written> restore(List<Restore> restores);

    /** Each key's type, value and PTTL, read per type (the fallback where DUMP is forbidden, and verification). */
    List<TypedValue> read(List<byte[]> keys);

    /**
     * Writes each value per type with its TTL in ms ({@code ttlMillis}, one per value; 0: none); {@code replace}: a key
     * already there is replaced, else left as it is (EXISTS). One MULTI/EXEC per batch, so no key is seen half written.
     */
    List<Written> write(List<TypedValue> values, List<Long> ttlMillis, boolean replace);

    /**
     * Each key's type, value digest and PTTL (verification and catch-up), read in flat memory: a long list, sorted set
     * or stream a chunk at a time.
     */
    List<Fingerprint> fingerprints(List<byte[]> keys);

    /** Whether each key exists. */
    List<Boolean> exists(List<byte[]> keys);

    /** Deletes the keys; how many there were. */
    long delete(List<byte[]> keys);

    /**
     * Follows the database's keyspace notifications until the subscription is closed: each changed key is handed to
     * {@code changed} on the subscriber's own thread. Returns once the subscription is confirmed.
     */
    Subscription subscribe(Consumer<byte[]> changed) throws InterruptedException;

    /** A subscription to keyspace notifications; it stops following when its connection drops (or the server drops it). */
    interface Subscription extends AutoCloseable {
        /** Whether it still follows, asked of the server (a round trip), not of the subscriber's last news. */
        boolean following() throws InterruptedException;

        @Override
        void close() throws InterruptedException;
    }

    @Override
    void close();

    /** A SCAN page: its keys and the cursor to continue from ("0" when the scan is complete). */
    record ScanPage(String cursor, List<byte[]> keys) {
        public boolean last() {
            return "0".equals(cursor);
        }
    }

    /**
     * A key's DUMP payload and remaining TTL in ms as read ({@code payload} null: the key is gone; {@code pttl} -1:
     * no TTL); {@code readAtNanos}: when, on migrator's clock, so the TTL written can subtract the time since.
     */
    record Dumped(byte[] key, byte[] payload, long pttl, long readAtNanos) {
        public boolean gone() {
            return payload == null;
        }
    }

    /** One RESTORE: {@code ttlMillis} 0 for none. */
    record Restore(byte[] key, long ttlMillis, byte[] payload, boolean replace) {}

    /** How writing one key went: WRITTEN, EXISTS (left as it was: no REPLACE), or FAILED with the server's reason. */
    record Written(byte[] key, Status status, String reason) {
        public enum Status { WRITTEN, EXISTS, FAILED }

        public static Written ok(byte[] key) {
            return new Written(key, Status.WRITTEN, "");
        }
    }
}
