package dev.migrator.store.redis;

import dev.migrator.support.digest.Digest;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A key's type and value as 128 bits, independent of how either server encodes it (listpack or hashtable, RDB
 * version): ordered types (string, list, stream) hash their elements in order, unordered ones (set, hash, sorted set)
 * add their elements' digests, so the same set read in another order has the same digest.
 */
final class ValueDigest {
    private ValueDigest() {}

    static Digest of(TypedValue value) {
        Canonical c = new Canonical(value.type());
        if (value instanceof TypedValue.Text t) {
            c.bytes(t.value());
        } else if (value instanceof TypedValue.Elements l) {
            l.elements().forEach(c::bytes);
        } else if (value instanceof TypedValue.Members s) {
            c.sum(s.members().stream().map(Digest::of).reduce(Digest.ZERO, Digest::plus));
        } else if (value instanceof TypedValue.Scored z) {
            c.sum(z.members().stream().map(m -> Digest.of(concat(m.member(), Double.toString(m.score()))))
                    .reduce(Digest.ZERO, Digest::plus));
        } else if (value instanceof TypedValue.Fields h) {
            c.sum(h.fields().stream().map(ValueDigest::field).reduce(Digest.ZERO, Digest::plus));
        } else if (value instanceof TypedValue.Entries s) {
            for (TypedValue.Entry e : s.entries()) {
                c.bytes(e.id().getBytes(StandardCharsets.US_ASCII));
                e.fields().forEach(f -> {
                    c.bytes(f.name());
                    c.bytes(f.value());
                });
            }
        } else if (value instanceof TypedValue.Unreadable u) {
            c.bytes(u.reason().getBytes(StandardCharsets.UTF_8));
        }
        return c.digest();
    }

    private static Digest field(TypedValue.Field f) {
        return Digest.of(concat(f.name(), new String(f.value(), StandardCharsets.ISO_8859_1)));
    }

    /** {@code a}'s length, {@code a}, then {@code b}: no two different pairs give the same bytes. */
    private static byte[] concat(byte[] a, String b) {
        byte[] tail = b.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[4 + a.length + tail.length];
        all[0] = (byte) (a.length >>> 24);
        all[1] = (byte) (a.length >>> 16);
        all[2] = (byte) (a.length >>> 8);
        all[3] = (byte) a.length;
        System.arraycopy(a, 0, all, 4, a.length);
        System.arraycopy(tail, 0, all, 4 + a.length, tail.length);
        return all;
    }

    /** Length-prefixed parts after the type's name. */
    private static final class Canonical {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        Canonical(String type) {
            bytes(type.getBytes(StandardCharsets.US_ASCII));
        }

        void bytes(byte[] part) {
            try {
                out.writeInt(part.length);
                out.write(part);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void sum(Digest digest) {
            try {
                out.writeLong(digest.high());
                out.writeLong(digest.low());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Digest digest() {
            return Digest.of(bytes.toByteArray());
        }
    }
}
