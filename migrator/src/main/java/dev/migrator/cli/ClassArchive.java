package dev.migrator.cli;

import dev.migrator.support.OwnerOnlyFiles;
import dev.migrator.support.digest.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The worker JVM's class-data archive (AppCDS): the classes a run loads (about 6,600: the SDK, Jackson, the schema
 * validator) mapped from one file instead of read, parsed and verified from the jar at every start. That start cost
 * about 0.7 CPU seconds less, per run, in the bench. JDK 17 has no automatic archive, so the first worker dumps the
 * classes it loaded into the cache when it exits (about 2 s, once per jar and JVM), and the launcher moves the file
 * into place; later workers map it. A missing, stale or unreadable archive only means the classes load as before.
 *
 * <p>Where: {@code MIGRATOR_CACHE_DIR}, else {@code $XDG_CACHE_HOME/migrator}, else {@code ~/.cache/migrator}
 * (owner-only). Off with {@code MIGRATOR_CLASS_ARCHIVE=false}, and whenever the classes do not come from one jar.
 */
record ClassArchive(Path archive, Optional<Path> dumping) {
    /** The JVM's own warnings go to standard error (never into a {@code --json} report), archive notes nowhere. */
    static final List<String> LOGGING = List.of("-Xlog:disable", "-Xlog:all=warning:stderr", "-Xlog:cds*=off:stderr");

    /**
     * The archive for this jar on this JVM: mapped when it exists, else dumped by this worker into a file of its own
     * ({@code pid}). Empty when turned off or the class path is not one jar. Pure but for looking at the files.
     */
    static Optional<ClassArchive> of(Map<String, String> env, String classPath, String javaHome, String vmVersion, String userHome,
                                     long pid) {
        if ("false".equalsIgnoreCase(env.get("MIGRATOR_CLASS_ARCHIVE")) || classPath == null || classPath.contains(java.io.File.pathSeparator)
                || !classPath.endsWith(".jar")) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        try {
            if (!Files.isRegularFile(jar)) {
                return Optional.empty();
            }
            String identity = jar + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis() + "|" + javaHome + "|" + vmVersion;
            Digest d = Digest.of(identity.getBytes(StandardCharsets.UTF_8));
            Path archive = directory(env, userHome).resolve(String.format("classes-%016x%016x.jsa", d.high(), d.low()));
            if (Files.isRegularFile(archive)) {
                return Optional.of(new ClassArchive(archive, Optional.empty()));
            }
            return Optional.of(new ClassArchive(archive, Optional.of(archive.resolveSibling(archive.getFileName() + "." + pid + ".tmp"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The worker's options: map the archive, or dump one at exit (its directory made owner-only first). */
    List<String> options() {
        List<String> options = new ArrayList<>();
        if (dumping.isPresent()) {
            try {
                OwnerOnlyFiles.createDirectories(archive.getParent());
                options.add("-XX:ArchiveClassesAtExit=" + dumping.get());
            } catch (IOException | RuntimeException e) {
                return options; // no cache to write into: run without
            }
        } else {
            options.add("-XX:SharedArchiveFile=" + archive);
        }
        return options;
    }

    /**
     * After the worker ended: a dump written by a worker that did its work (exit 0) becomes the archive, so a first
     * command that failed early (a mistyped file, a refused plan: few classes loaded) does not decide it for every later
     * run; anything else of it is removed, and the next worker dumps again. Losing a race with another first run is
     * fine: either file serves.
     */
    void keep(int workerExitCode) {
        if (dumping.isEmpty()) {
            return;
        }
        Path dumped = dumping.get();
        try {
            if (workerExitCode == 0 && Files.isRegularFile(dumped) && Files.size(dumped) > 0) {
                Files.move(dumped, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                dropOlder(archive.getParent());
            }
        } catch (IOException | RuntimeException e) {
            // the next run dumps again
        } finally {
            try {
                Files.deleteIfExists(dumped);
            } catch (IOException e) {
                // a stray temporary file in the cache; the name is this process's own
            }
        }
    }

    /** Archives kept: each rebuilt jar or updated JVM writes another (~32 MB), so all but the newest few go. */
    static final int KEPT = 3;

    private static void dropOlder(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            List<Path> archives = files.filter(f -> f.getFileName().toString().matches("classes-[0-9a-f]{32}\\.jsa"))
                    .sorted(java.util.Comparator.comparing((Path f) -> {
                        try {
                            return Files.getLastModifiedTime(f);
                        } catch (IOException e) {
                            return java.nio.file.attribute.FileTime.fromMillis(0);
                        }
                    }).reversed()).toList();
            for (Path old : archives.subList(Math.min(KEPT, archives.size()), archives.size())) {
                Files.deleteIfExists(old);
            }
        }
    }

    private static Path directory(Map<String, String> env, String userHome) {
        if (env.get("MIGRATOR_CACHE_DIR") != null && !env.get("MIGRATOR_CACHE_DIR").isBlank()) {
            return Path.of(env.get("MIGRATOR_CACHE_DIR")).toAbsolutePath();
        }
        if (env.get("XDG_CACHE_HOME") != null && !env.get("XDG_CACHE_HOME").isBlank()) {
            return Path.of(env.get("XDG_CACHE_HOME"), "migrator").toAbsolutePath();
        }
        return Path.of(userHome, ".cache", "migrator");
    }
}
