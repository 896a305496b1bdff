package dev.migrator.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Files and directories readable by their owner only (where the file system has POSIX permissions): they hold customer data. */
public final class OwnerOnlyFiles {
    private OwnerOnlyFiles() {}

    public static void createDirectories(Path directory) throws IOException {
        Files.createDirectories(directory);
        setPermissions(directory, "rwx------");
    }

    /** Creates an empty file, owner-only, before anything is written to it. */
    public static void createFile(Path file) throws IOException {
        Files.createFile(file);
        setPermissions(file, "rw-------");
    }

    /**
     * Writes to a sibling temporary file, then renames it over {@code file}: readers see the old or the new content, never
     * half. Each write has a temporary file of its own: the shards of a run each merge the same map into one file, and
     * with one shared temporary name the second rename found the first had taken it.
     */
    public static void writeAtomically(Path file, byte[] content) throws IOException {
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".tmp");
        try {
            setPermissions(temporary, "rw-------");
            Files.write(temporary, content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Makes an existing file owner-only. */
    public static void restrict(Path file) throws IOException {
        setPermissions(file, "rw-------");
    }

    /**
     * Sets POSIX permissions where the file system has them. Asked directly, not through its FileStore: inside a
     * container or chroot whose root is not in /proc/mounts, looking the store up fails although permissions work.
     */
    private static void setPermissions(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): its own access control applies
        }
    }
}
