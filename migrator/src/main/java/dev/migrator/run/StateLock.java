package dev.migrator.run;

import dev.migrator.support.OwnerOnlyFiles;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An exclusive OS lock on one state directory ({@code <root>/<name>-<hash>/.lock}), held while a run,
 * resume, replay or verify works on it, so two processes never write the same checkpoints, maps and dead letters.
 * The operating system drops it when the process dies, even on kill -9, so it is never stale. The file
 * names its holder (pid, host, start time, command) for the one that is refused.
 */
public final class StateLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Another process holds the lock; the message names it. */
    public static final class Held extends Exception {
        public Held(String message) {
            super(message);
        }
    }

    /** Takes the lock at once or throws {@link Held} naming the holder; never waits. */
    public static StateLock acquire(Path lockFile, String command) throws IOException, Held {
        OwnerOnlyFiles.createDirectories(lockFile.getParent());
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process (another command in the same JVM)
        }
        if (lock == null) {
            String holder = new String(Files.readAllBytes(lockFile), StandardCharsets.UTF_8).trim();
            channel.close();
            throw new Held("another migrator process is working on this schema's state (" + lockFile + "): "
                    + (holder.isEmpty() ? "holder unknown" : holder)
                    + ". Wait for it to end, or stop it (its checkpoints are kept for --resume); two runs at once would "
                    + "write the same checkpoints, maps and dead letters");
        }
        ProcessHandle self = ProcessHandle.current();
        String holder = "pid " + self.pid() + " on " + hostName() + ", started "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", command '" + command + "'";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        OwnerOnlyFiles.restrict(lockFile);
        return new StateLock(channel, lock);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown host";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }
}
