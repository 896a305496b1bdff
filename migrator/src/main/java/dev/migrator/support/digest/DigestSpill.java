package dev.migrator.support.digest;

import dev.migrator.support.OwnerOnlyFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The units of the buckets that differ, written to owner-only partition files on disk (they hold keys, which
 * may be personal data) and compared one partition at a time: memory holds one partition's source side,
 * whatever the size of the mismatch. Each unit carries a detail (the store's description of its shape) so a
 * difference can be explained without reading the unit again. Files are deleted on close.
 */
public final class DigestSpill implements Closeable {
    /** Source units one partition holds in memory at most, on average. */
    public static final int DEFAULT_PARTITION_SIZE = 100_000;
    private static final int MAX_PARTITIONS = 512;
    private static final int BUFFER = 8 * 1024;

    /** The two sides of a comparison. */
    public enum Side { SOURCE, TARGET }

    /** What the comparison found, unit by unit; every kind is ignored unless overridden. */
    public interface Outcomes {
        default void matched(String key) {}

        default void missing(String key) {}

        default void extra(String key) {}

        default void different(String key, byte[] expectedDetail, byte[] actualDetail) {}

        /** A second source unit under a key already seen: two source units become one target unit. */
        default void duplicate(String key) {}
    }

    private record Entry(Digest digest, byte[] detail) {}

    private final Path directory;
    private final DataOutputStream[][] files;

    private DigestSpill(Path directory, int partitions) throws IOException {
        this.directory = directory;
        this.files = new DataOutputStream[Side.values().length][partitions];
        for (Side side : Side.values()) {
            for (int p = 0; p < partitions; p++) {
                Path file = file(side, p);
                OwnerOnlyFiles.createFile(file);
                files[side.ordinal()][p] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
            }
        }
    }

    /** A spill under {@code parent} sized for about {@code sourceUnits} units of the source side. */
    public static DigestSpill open(Path parent, long sourceUnits, int partitionSize) throws IOException {
        OwnerOnlyFiles.createDirectories(parent);
        Path directory = Files.createTempDirectory(parent, "verify-"); // rwx------ where POSIX
        long partitions = Math.max(1, (sourceUnits + partitionSize - 1) / partitionSize);
        return new DigestSpill(directory, (int) Math.min(MAX_PARTITIONS, partitions));
    }

    private Path file(Side side, int partition) {
        return directory.resolve(side.name().toLowerCase() + "-" + partition + ".bin");
    }

    /** Records one unit of a differing bucket; safe from many threads. */
    public void write(Side side, int bucket, String key, Digest digest, byte[] detail) {
        DataOutputStream out = files[side.ordinal()][bucket % files[0].length];
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            try {
                out.writeInt(keyBytes.length);
                out.write(keyBytes);
                out.writeLong(digest.high());
                out.writeLong(digest.low());
                out.writeInt(detail.length);
                out.write(detail);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + directory, e);
            }
        }
    }

    /** Compares the two sides partition by partition, telling {@code outcomes} about every unit. */
    public void compare(Outcomes outcomes) throws IOException {
        for (DataOutputStream[] side : files) {
            for (DataOutputStream out : side) {
                out.flush();
            }
        }
        for (int p = 0; p < files[0].length; p++) {
            Map<String, Entry> expected = new HashMap<>();
            read(file(Side.SOURCE, p), (key, entry) -> {
                if (expected.putIfAbsent(key, entry) != null) {
                    outcomes.duplicate(key);
                }
            });
            read(file(Side.TARGET, p), (key, entry) -> {
                Entry want = expected.remove(key);
                if (want == null) {
                    outcomes.extra(key);
                } else if (want.digest().equals(entry.digest())) {
                    outcomes.matched(key);
                } else {
                    outcomes.different(key, want.detail(), entry.detail());
                }
            });
            expected.keySet().forEach(outcomes::missing);
        }
    }

    private interface EntryHandler {
        void handle(String key, Entry entry);
    }

    private static void read(Path file, EntryHandler handler) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER))) {
            while (true) {
                int keyLength;
                try {
                    keyLength = in.readInt();
                } catch (EOFException end) {
                    return;
                }
                String key = new String(in.readNBytes(keyLength), StandardCharsets.UTF_8);
                Digest digest = new Digest(in.readLong(), in.readLong());
                byte[] detail = in.readNBytes(in.readInt());
                handler.handle(key, new Entry(digest, detail));
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (DataOutputStream[] side : files) {
            for (DataOutputStream out : side) {
                out.close();
            }
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
