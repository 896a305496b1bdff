package dev.migrator.userpool;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.run.OwnerOnlyFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The source pool written out as it is read: a JSON export (groups, then every user with attributes,
 * status, enabled flag, MFA where read, and groups) and the import-job CSV. Both owner-only: they are
 * personal data. Users stream through; nothing but the file handles stays in memory.
 */
final class PoolExport implements AutoCloseable {
    private final JsonGenerator json;
    private final BufferedWriter csv;
    private final ImportCsv format;

    PoolExport(Path jsonFile, Path csvFile, String poolId, List<PoolGroup> groups, ImportCsv format) throws IOException {
        Files.createDirectories(jsonFile.getParent());
        Files.deleteIfExists(jsonFile);
        Files.deleteIfExists(csvFile);
        OwnerOnlyFiles.createFile(jsonFile);
        OwnerOnlyFiles.createFile(csvFile);
        this.format = format;
        json = new ObjectMapper().getFactory().createGenerator(jsonFile.toFile(), JsonEncoding.UTF8).useDefaultPrettyPrinter();
        json.writeStartObject();
        json.writeStringField("userPool", poolId);
        json.writeStringField("exportedAt", Instant.now().toString());
        json.writeStringField("passwords", "not exportable: Cognito never reveals password hashes");
        json.writeArrayFieldStart("groups");
        for (PoolGroup g : groups) {
            json.writeStartObject();
            json.writeStringField("name", g.name());
            g.description().ifPresent(d -> write("description", d));
            if (g.precedence().isPresent()) {
                json.writeNumberField("precedence", g.precedence().get());
            }
            g.roleArn().ifPresent(r -> write("roleArn", r));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("users");
        csv = Files.newBufferedWriter(csvFile, StandardCharsets.UTF_8);
        csv.write(format.headerLine());
        csv.newLine();
    }

    private void write(String field, String value) {
        try {
            json.writeStringField(field, value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    synchronized void add(PoolUser user, List<String> groups, String targetUsername) throws IOException {
        json.writeStartObject();
        json.writeStringField("username", user.username());
        json.writeStringField("status", user.status());
        json.writeBooleanField("enabled", user.enabled());
        json.writeObjectFieldStart("attributes");
        for (var a : user.attributes().entrySet()) {
            json.writeStringField(a.getKey(), a.getValue());
        }
        json.writeEndObject();
        if (user.mfa().isPresent()) {
            json.writeObjectFieldStart("mfa");
            json.writeArrayFieldStart("enabledMethods");
            for (String m : user.mfa().get().enabledMethods()) {
                json.writeString(m);
            }
            json.writeEndArray();
            user.mfa().get().preferred().ifPresent(p -> write("preferred", p));
            json.writeEndObject();
        }
        json.writeArrayFieldStart("groups");
        for (String g : groups) {
            json.writeString(g);
        }
        json.writeEndArray();
        json.writeEndObject();
        if (!user.federated()) {
            boolean mfa = user.mfa().map(m -> !m.enabledMethods().isEmpty()).orElse(false);
            csv.write(format.row(targetUsername, user.attributes(), mfa));
            csv.newLine();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.close();
        csv.close();
    }
}
