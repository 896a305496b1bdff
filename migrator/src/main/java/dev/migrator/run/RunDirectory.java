package dev.migrator.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.model.MigrationSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The state directory of one schema file, keyed by its content hash: {@code <root>/<name>-<hash>/}.
 * Created owner-only, since reports and dead letters hold customer data.
 */
public record RunDirectory(Path path) {

    public static RunDirectory create(MigrationSchema schema, Path root) throws IOException {
        Path directory = root.resolve(safe(schema.name()) + "-" + contentHash(schema.file()));
        OwnerOnlyFiles.createDirectories(directory);
        return new RunDirectory(directory);
    }

    /** Writes {@code <name>.json} for machines and {@code <name>.html} for people; returns the JSON file. */
    public Path writeReport(RunReport report, String name) throws IOException {
        Path file = path.resolve(name + ".json");
        ObjectMapper mapper = ReportJson.mapper();
        OwnerOnlyFiles.writeAtomically(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
        OwnerOnlyFiles.writeAtomically(path.resolve(name + ".html"), ReportHtml.render(report).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return file;
    }

    static String contentHash(Path file) throws IOException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
