package dev.migrator.run;

import dev.migrator.support.OwnerOnlyFiles;
import dev.migrator.support.RunLayout;

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
        Path directory = ownPath(schema, root);
        OwnerOnlyFiles.createDirectories(directory);
        return new RunDirectory(directory);
    }

    private static final java.time.format.DateTimeFormatter STAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /**
     * Keeps this report for good as {@code reports/<started>-<name>.json} (for machines) and {@code .html} (for
     * people), and as the newest of its kind in {@code <name>.json} / {@code <name>.html}, the stable pointer.
     * A later run, even a refused one, adds its own files and never replaces an earlier run's. Returns the
     * report's own JSON file.
     */
    public Path writeReport(RunReport report, String name, Stores stores) throws IOException {
        byte[] json = ReportJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
        byte[] html = ReportHtml.render(report, stores).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RunLayout layout = layout();
        Path reports = layout.reportsDirectory();
        OwnerOnlyFiles.createDirectories(reports);
        String own = STAMP.format(report.startedAt()) + "-" + name;
        Path file = reports.resolve(own + ".json");
        OwnerOnlyFiles.writeAtomically(file, json);
        OwnerOnlyFiles.writeAtomically(reports.resolve(own + ".html"), html);
        OwnerOnlyFiles.writeAtomically(layout.newestReport(name, "json"), json);
        OwnerOnlyFiles.writeAtomically(layout.newestReport(name, "html"), html);
        return file;
    }

    /**
     * The state directory of one shard of a sharded run of this file: {@code shards/shard-I-of-N/}, with its own
     * lock, checkpoints, dead letters and reports.
     */
    public RunDirectory shard(dev.migrator.engine.Shard shard) throws IOException {
        Path own = layout().shardsDirectory().resolve(shard.directoryName());
        OwnerOnlyFiles.createDirectories(own);
        return new RunDirectory(own);
    }

    /** Whether this shard's directory says it started writing before (its restart continues from its checkpoints). */
    public boolean started() {
        return Files.exists(layout().startedMarker());
    }

    /** Records that this shard passed preflight and starts writing. */
    public void markStarted() throws IOException {
        OwnerOnlyFiles.writeAtomically(layout().startedMarker(), (java.time.Instant.now() + " pid " + ProcessHandle.current().pid() + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The shards of a sharded run that have started writing, by directory name. */
    public List<String> startedShards() throws IOException {
        Path shards = layout().shardsDirectory();
        if (!Files.isDirectory(shards)) {
            return List.of();
        }
        try (var dirs = Files.list(shards)) {
            return dirs.filter(d -> Files.exists(new RunLayout(d).startedMarker())).map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    /** The lock every command that works on this state holds ({@code .lock} in the directory). */
    public Path lockFile() {
        return layout().lockFile();
    }

    /** Where everything lives inside this directory. */
    public RunLayout layout() {
        return new RunLayout(path);
    }

    /** Checkpoints an interrupted run left, which {@code run --resume} continues from. */
    public boolean hasCheckpoints() {
        Path checkpoints = layout().checkpoints().directory();
        if (!Files.isDirectory(checkpoints)) {
            return false;
        }
        try (var files = Files.walk(checkpoints)) {
            return files.anyMatch(Files::isRegularFile);
        } catch (IOException e) {
            return false;
        }
    }

    /** There is no state directory to continue from, and why (a sentence for the operator). */
    public static final class Unusable extends Exception {
        public Unusable(String reason) {
            super(reason);
        }
    }

    /**
     * The state directory an earlier run of exactly this file left to continue from (checkpoints or a
     * report); otherwise why not: nothing ran yet, or the directories of this schema name belong to other contents.
     */
    public static RunDirectory forResume(MigrationSchema schema, Path root) throws IOException, Unusable {
        return ofEarlierRun(schema, root, "nothing to resume", "run it without --resume");
    }

    /** The state directory a sync continues: that of an earlier run of exactly this file (its stream positions). */
    public static RunDirectory forSync(MigrationSchema schema, Path root) throws IOException, Unusable {
        return ofEarlierRun(schema, root, "nothing to catch up with", "run it first");
    }

    /** The state directory the status gate reads: that of an earlier run of exactly this file. */
    public static RunDirectory forStatus(MigrationSchema schema, Path root) throws IOException, Unusable {
        return ofEarlierRun(schema, root, "nothing to check", "run it first");
    }

    /**
     * The state directory of an earlier run of exactly this file, or why there is none: {@code nothing} heads
     * the reason when nothing ran yet, {@code firstStep} says what to do instead.
     */
    private static RunDirectory ofEarlierRun(MigrationSchema schema, Path root, String nothing, String firstStep)
            throws IOException, Unusable {
        Path own = ownPath(schema, root);
        RunLayout layout = new RunLayout(own);
        if (Files.isDirectory(layout.checkpoints().directory()) || Files.exists(layout.newestReport("report", "json"))
                || Files.isDirectory(layout.shardsDirectory())) {
            return new RunDirectory(own);
        }
        Optional<Path> other = latestOther(schema, root);
        if (other.isEmpty()) {
            throw new Unusable(nothing + ": no earlier run of " + schema.file() + " under " + root
                    + " (" + firstStep + ", or name the state directory it used with --state-dir)");
        }
        throw new Unusable("the schema changed since the run that left " + other.get() + ": its content hash is now "
                + contentHash(schema.file()) + ", so its checkpoints and maps may not fit. Restore the file that run used "
                + "and --resume, or start a fresh run (targets not empty need \"ifTargetNotEmpty\")");
    }

    /**
     * The state directory whose dead letters a replay tries again: {@code chosen} when given (the file may
     * have been edited since, say to fix a transform), else the one of exactly this file.
     */
    public static RunDirectory forReplay(MigrationSchema schema, Path root, Optional<Path> chosen) throws IOException, Unusable {
        if (chosen.isPresent()) {
            if (!Files.isDirectory(new RunLayout(chosen.get()).deadLetterDirectory())) {
                throw new Unusable("no dead letters in " + chosen.get() + ": --run-dir names the state directory of the run that "
                        + "wrote them (it holds dead-letters/)");
            }
            return new RunDirectory(chosen.get());
        }
        Path own = ownPath(schema, root);
        if (Files.isDirectory(own)) {
            return new RunDirectory(own);
        }
        Optional<Path> other = latestOther(schema, root);
        if (other.isEmpty()) {
            throw new Unusable("nothing to replay: no earlier run of " + schema.file() + " under " + root
                    + " (name the state directory it used with --state-dir)");
        }
        throw new Unusable("the schema changed since the run that left " + other.get() + " (its content hash is now "
                + contentHash(schema.file()) + "). To replay that run's dead letters with the file as it is now (say, with a "
                + "fixed transform), add --run-dir " + other.get());
    }

    private static Path ownPath(MigrationSchema schema, Path root) throws IOException {
        return root.resolve(safe(schema.name()) + "-" + contentHash(schema.file()));
    }

    /** The most recently changed state directory of this schema name (another content hash), if any. */
    private static Optional<Path> latestOther(MigrationSchema schema, Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        List<Path> others = new ArrayList<>();
        try (var dirs = Files.list(root)) {
            dirs.filter(d -> d.getFileName().toString().startsWith(safe(schema.name()) + "-")).forEach(others::add);
        }
        others.sort(java.util.Comparator.comparing(RunDirectory::lastModified));
        return others.isEmpty() ? Optional.empty() : Optional.of(others.get(others.size() - 1));
    }

    private static java.nio.file.attribute.FileTime lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
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
