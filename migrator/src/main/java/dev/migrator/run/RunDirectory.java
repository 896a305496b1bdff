package dev.migrator.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.model.MigrationSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

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

    /**
     * Empty when an earlier run of exactly this file left state to continue from; otherwise why not:
     * nothing ran yet, or the state directories of this schema name belong to other contents.
     */
    public static Optional<String> whyNotResumable(MigrationSchema schema, Path root) throws IOException {
        String hash = contentHash(schema.file());
        Path own = root.resolve(safe(schema.name()) + "-" + hash);
        if (Files.isDirectory(own.resolve("checkpoints")) || Files.exists(own.resolve("report.json"))) {
            return Optional.empty();
        }
        List<String> others = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (var dirs = Files.list(root)) {
                dirs.map(d -> d.getFileName().toString()).filter(n -> n.startsWith(safe(schema.name()) + "-")).sorted().forEach(others::add);
            }
        }
        if (others.isEmpty()) {
            return Optional.of("nothing to resume: no earlier run of " + schema.file() + " under " + root
                    + " (run it without --resume, or name the state directory it used with --state-dir)");
        }
        return Optional.of("the schema changed since the run that left " + root.resolve(others.get(others.size() - 1))
                + ": its content hash is now " + hash + ", so its checkpoints and maps may not fit. Restore the file that run used "
                + "and --resume, or start a fresh run (targets not empty need \"ifTargetNotEmpty\")");
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
