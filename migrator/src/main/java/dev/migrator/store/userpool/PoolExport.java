package dev.migrator.store.userpool;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.support.OwnerOnlyFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The source pool written out as it is read: a JSON Lines export (a first line with the pool and its
 * groups, then one line per user with attributes, status, enabled flag, MFA where read, and groups) and
 * the import-job CSV. Both owner-only: they are personal data. Users stream through; nothing but the
 * file handles stays in memory. A resumed copy continues both files from the lengths its checkpoint
 * recorded, cutting off whatever the interrupted run wrote after them.
 */
final class PoolExport implements AutoCloseable {
    /** Byte lengths of the two files. */
    record Lengths(long json, long csv) {
        static final Lengths NONE = new Lengths(0, 0);
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final Path jsonFile;
    private final Path csvFile;
    private final BufferedWriter json;
    private final BufferedWriter csv;
    private final ImportCsv format;

    /** Starts both files, or with {@code continueAt} continues them from those lengths. */
    PoolExport(Path jsonFile, Path csvFile, String poolId, List<PoolGroup> groups, ImportCsv format, Optional<Lengths> continueAt)
            throws IOException {
        this.jsonFile = jsonFile;
        this.csvFile = csvFile;
        this.format = format;
        boolean continuing = continueAt.isPresent() && continueAt.get().json() > 0 && Files.exists(jsonFile) && Files.exists(csvFile);
        if (continuing) {
            truncate(jsonFile, continueAt.get().json());
            truncate(csvFile, continueAt.get().csv());
        } else {
            OwnerOnlyFiles.createDirectories(jsonFile.getParent());
            Files.deleteIfExists(jsonFile);
            Files.deleteIfExists(csvFile);
            OwnerOnlyFiles.createFile(jsonFile);
            OwnerOnlyFiles.createFile(csvFile);
        }
        json = Files.newBufferedWriter(jsonFile, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        csv = Files.newBufferedWriter(csvFile, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        if (!continuing) {
            line(json, mapper.writeValueAsString(header(poolId, groups)));
            line(csv, format.headerLine());
        }
    }

    private ObjectNode header(String poolId, List<PoolGroup> groups) {
        ObjectNode header = mapper.createObjectNode().put("userPool", poolId).put("exportedAt", Instant.now().toString())
                .put("passwords", "not exportable: Cognito never reveals password hashes");
        var array = header.putArray("groups");
        for (PoolGroup g : groups) {
            ObjectNode group = array.addObject().put("name", g.name());
            g.description().ifPresent(d -> group.put("description", d));
            g.precedence().ifPresent(p -> group.put("precedence", p));
            g.roleArn().ifPresent(r -> group.put("roleArn", r));
        }
        return header;
    }

    synchronized void add(PoolUser user, List<String> groups, String targetUsername) throws IOException {
        ObjectNode line = mapper.createObjectNode().put("username", user.username()).put("status", user.status())
                .put("enabled", user.enabled());
        ObjectNode attributes = line.putObject("attributes");
        user.attributes().forEach(attributes::put);
        user.mfa().ifPresent(mfa -> {
            ObjectNode node = line.putObject("mfa");
            mfa.enabledMethods().forEach(node.putArray("enabledMethods")::add);
            mfa.preferred().ifPresent(p -> node.put("preferred", p));
        });
        groups.forEach(line.putArray("groups")::add);
        line(json, mapper.writeValueAsString(line));
        if (!user.federated()) {
            boolean mfa = user.mfa().map(m -> !m.enabledMethods().isEmpty()).orElse(false);
            line(csv, format.row(targetUsername, user.attributes(), mfa));
        }
    }

    /** Flushes both files and returns their lengths: what a checkpoint records. */
    synchronized Lengths flush() throws IOException {
        json.flush();
        csv.flush();
        return new Lengths(Files.size(jsonFile), Files.size(csvFile));
    }

    private static void line(BufferedWriter writer, String text) throws IOException {
        writer.write(text);
        writer.newLine();
    }

    private static void truncate(Path file, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        json.close();
        csv.close();
    }
}
