package dev.migrator.support.digest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.function.Supplier;

/**
 * Compares two sides' units in flat memory: the caller adds every unit of each side (its key and canonical bytes)
 * as it lists them; {@link #resolve} then lists both sides once more only if some key bucket differs, spilling
 * the units of those buckets, and tells {@link DigestSpill.Outcomes} about each. Safe to add from many threads.
 */
public final class DigestComparison {
    /** One side's units, listed again for the second pass. */
    public interface Listing {
        void forEach(Sink sink) throws InterruptedException;
    }

    /**
     * A unit: its key, then, asked only for units of differing buckets, its canonical bytes and what explains a
     * difference.
     */
    public interface Sink {
        void unit(String key, Supplier<byte[]> canonical, Supplier<byte[]> detail);
    }

    /** What {@link #resolve} had to read again: the differing buckets, and the source units in them (the rest are proven equal). */
    public record Resolved(int buckets, long sourceUnits) {}

    private final DigestBuckets source = new DigestBuckets(DigestBuckets.DEFAULT_SIZE);
    private final DigestBuckets target = new DigestBuckets(DigestBuckets.DEFAULT_SIZE);

    public void addSource(String key, byte[] canonical) {
        source.add(source.bucketOf(key), Digest.of(canonical));
    }

    public void addTarget(String key, byte[] canonical) {
        target.add(target.bucketOf(key), Digest.of(canonical));
    }

    /** A unit whose canonical form is its key alone (a listing compared by keys). */
    public static byte[] keyOnly(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * When some bucket differs, lists both sides again keeping the units of those buckets (spilled under
     * {@code spillParent}) and compares them key by key; otherwise does nothing.
     */
    public Resolved resolve(Path spillParent, int partitionSize, Listing sourceAgain, Listing targetAgain, DigestSpill.Outcomes outcomes)
            throws IOException, InterruptedException {
        BitSet differing = source.differing(target);
        if (differing.isEmpty()) {
            return new Resolved(0, 0);
        }
        long inDiffering = source.countIn(differing);
        try (DigestSpill spill = DigestSpill.open(spillParent, inDiffering, partitionSize)) {
            sourceAgain.forEach(keep(differing, spill, DigestSpill.Side.SOURCE));
            targetAgain.forEach(keep(differing, spill, DigestSpill.Side.TARGET));
            spill.compare(outcomes);
        }
        return new Resolved(differing.cardinality(), inDiffering);
    }

    private Sink keep(BitSet differing, DigestSpill spill, DigestSpill.Side side) {
        return (key, canonical, detail) -> {
            int bucket = source.bucketOf(key);
            if (differing.get(bucket)) {
                spill.write(side, bucket, key, Digest.of(canonical.get()), detail.get());
            }
        };
    }
}
