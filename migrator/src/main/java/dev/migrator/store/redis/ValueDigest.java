package dev.migrator.store.redis;

import dev.migrator.support.digest.Digest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A key's type and value as 128 bits, independent of how either server encodes it (listpack or hashtable, RDB
 * version): ordered types (string, list, stream) hash their elements in order, unordered ones (set, hash, sorted set)
 * add their elements' digests, so the same set read in another order has the same digest. Built element by element,
 * so a long list, sorted set or stream is digested a chunk at a time in flat memory.
 */
final class ValueDigest {
    private final MessageDigest ordered;
    private Digest unordered = Digest.ZERO;

    ValueDigest(String type) {
        try {
            ordered = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        part(type.getBytes(StandardCharsets.US_ASCII));
    }

    static Digest of(TypedValue value) {
        ValueDigest d = new ValueDigest(value.type());
        if (value instanceof TypedValue.Text t) {
            d.part(t.value());
        } else if (value instanceof TypedValue.Elements l) {
            l.elements().forEach(d::part);
        } else if (value instanceof TypedValue.Members s) {
            s.members().forEach(d::member);
        } else if (value instanceof TypedValue.Scored z) {
            z.members().forEach(d::score);
        } else if (value instanceof TypedValue.Fields h) {
            h.fields().forEach(d::field);
        } else if (value instanceof TypedValue.Entries s) {
            s.entries().forEach(d::entry);
        } else if (value instanceof TypedValue.Unreadable u) {
            d.part(u.reason().getBytes(StandardCharsets.UTF_8));
        }
        return d.finish();
    }

    /** The next element of an ordered value (a string's bytes, a list's element), length-prefixed. */
    void part(byte[] bytes) {
        ordered.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        ordered.update(bytes);
    }

    void member(byte[] member) {
        unordered = unordered.plus(Digest.of(member));
    }

    void score(TypedValue.Score s) {
        unordered = unordered.plus(Digest.of(concat(s.member(), Double.toString(s.score()).getBytes(StandardCharsets.US_ASCII))));
    }

    void field(TypedValue.Field f) {
        unordered = unordered.plus(Digest.of(concat(f.name(), f.value())));
    }

    void entry(TypedValue.Entry e) {
        part(e.id().getBytes(StandardCharsets.US_ASCII));
        e.fields().forEach(f -> {
            part(f.name());
            part(f.value());
        });
    }

    Digest finish() {
        ordered.update(ByteBuffer.allocate(16).putLong(unordered.high()).putLong(unordered.low()).array());
        ByteBuffer hash = ByteBuffer.wrap(ordered.digest());
        return new Digest(hash.getLong(), hash.getLong());
    }

    /** {@code a}'s length, {@code a}, then {@code b}: no two different pairs give the same bytes. */
    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(4 + a.length + b.length).putInt(a.length).put(a).put(b).array();
    }
}
