package dev.migrator.store.userpool;

import dev.migrator.support.OwnerOnlyFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** username,temporaryPassword lines in an owner-only file, flushed per user; the only place a password is ever written. */
final class PasswordFile implements AutoCloseable {
    private final Path path;
    private final BufferedWriter writer;

    PasswordFile(Path path) throws IOException {
        this.path = path;
        OwnerOnlyFiles.createDirectories(path.getParent());
        boolean fresh = !Files.exists(path);
        if (fresh) {
            OwnerOnlyFiles.createFile(path);
        }
        writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        if (fresh) {
            writer.write("username,temporaryPassword");
            writer.newLine();
        }
    }

    Path path() {
        return path;
    }

    synchronized void add(String username, String password) throws IOException {
        writer.write(ImportCsv.quote(username) + "," + password);
        writer.newLine();
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
