package dev.migrator.store.userpool;

import dev.migrator.support.OwnerOnlyFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The usernames this migration asked the target pool to create, each appended (and flushed) before the
 * request goes out. A run killed between creating a user and finishing it (password, enabled flag,
 * groups) leaves that user in the target; the resumed run finds it here and finishes it, where a user
 * that was in the target before is left to the pair's policy for existing users. Lines are {@code +name}
 * (about to create) and {@code -name} (it was there already: not ours); read in order. A kill in the one
 * request between the two lines of a user who was already there would let a resumed run finish that user
 * as its own (attributes and password set again). Lives with the checkpoints, so a fresh run starts anew.
 */
final class CreationLog implements AutoCloseable {
    private final Set<String> earlier = ConcurrentHashMap.newKeySet();
    private final BufferedWriter writer;

    CreationLog(Path file, boolean resume) throws IOException {
        OwnerOnlyFiles.createDirectories(file.getParent());
        if (resume && Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("+")) {
                    earlier.add(line.substring(1));
                } else if (line.startsWith("-")) {
                    earlier.remove(line.substring(1));
                }
            }
        } else {
            Files.deleteIfExists(file);
        }
        if (!Files.exists(file)) {
            OwnerOnlyFiles.createFile(file);
        }
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Records that {@code username} is about to be created. Usernames hold no line breaks (Cognito forbids whitespace). */
    void creating(String username) throws IOException {
        append("+" + username);
    }

    /** Records that {@code username} was in the target already, so not created by this migration. */
    void existed(String username) throws IOException {
        append("-" + username);
    }

    private synchronized void append(String line) throws IOException {
        writer.write(line);
        writer.newLine();
        writer.flush();
    }

    /** Whether an interrupted run of this migration asked for this user. */
    boolean createdEarlier(String username) {
        return earlier.contains(username);
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
