package dev.migrator.support.digest;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * 128 bits of a unit's SHA-256 over its canonical bytes. Digests add up modulo 2^128, so a set of units
 * has one sum whatever order it was read in; two different sets collide by chance with odds of 2^-128.
 */
public record Digest(long high, long low) {
    public static final Digest ZERO = new Digest(0, 0);

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    /** The digest of these canonical bytes. */
    public static Digest of(byte[] canonical) {
        ByteBuffer hash = ByteBuffer.wrap(SHA_256.get().digest(canonical));
        return new Digest(hash.getLong(), hash.getLong());
    }

    /** This plus {@code other}, modulo 2^128. */
    public Digest plus(Digest other) {
        long sumLow = low + other.low;
        long carry = Long.compareUnsigned(sumLow, low) < 0 ? 1 : 0;
        return new Digest(high + other.high + carry, sumLow);
    }
}
