package dev.migrator.cli;

import dev.migrator.support.OwnerOnlyFiles;
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
 * The worker JVM's class-data archive: the classes a run loads (about 6,600: the SDK, Jackson, the schema validator)
 * mapped from one file instead of read, parsed and verified from the jar at every start. On JDK 17 to 24 an AppCDS
 * archive: about 0.7 CPU seconds less per run in the bench. JDK 17 has no automatic archive, so the first worker dumps
 * the classes it loaded into the cache when it exits (about 2 s, once per jar and JVM), and the launcher moves the
 * file into place; later workers map it. On JDK 25 and later an AOT cache (JEP 483): the classes loaded and linked
 * ahead of time: a one-item run 0.3 s sooner, a 50,000-item copy 1.2 CPU s cheaper than with AppCDS (see README).
 * The first worker records its configuration as it runs; once it exited with 0, the launcher has the JVM assemble
 * the cache from it (about 3 s, once per jar and JVM, its output discarded). A missing, stale or unreadable archive
 * only means the classes load as before.
 *
 * <p>Where: {@code MIGRATOR_CACHE_DIR}, else {@code $XDG_CACHE_HOME/migrator}, else {@code ~/.cache/migrator}
 * (owner-only). Off with {@code MIGRATOR_CLASS_ARCHIVE=false}, and whenever the classes do not come from one jar.
 *
 * @param aot an AOT cache (JDK 25 on), else an AppCDS archive
 */
record ClassArchive(Path archive, Optional<Path> dumping, boolean aot) {
    /** The JVM's own warnings go to standard error (never into a {@code --json} report), archive notes nowhere. */
    static final List<String> LOGGING = List.of("-Xlog:disable", "-Xlog:all=warning:stderr", "-Xlog:cds*=off:stderr");
    /** JDK 25's notes on an AOT cache have a tag of their own. */
    static final String AOT_LOGGING = "-Xlog:aot*=off:stderr";
    /** The first JDK whose AOT cache (JEP 483, with JEP 514's single AOTMode options) serves instead of AppCDS. */
    static final int AOT_FROM = 25;

    /**
     * The archive for this jar on this JVM ({@code feature}: its version's first number): mapped when it exists, else
     * dumped (or recorded) by this worker into a file of its own ({@code pid}). Empty when turned off or the class
     * path is not one jar. Pure but for looking at the files.
     */
    static Optional<ClassArchive> of(Map<String, String> env, String classPath, String javaHome, String vmVersion, int feature,
                                     String userHome, long pid) {
        if ("false".equalsIgnoreCase(env.get("MIGRATOR_CLASS_ARCHIVE")) || classPath == null || classPath.contains(java.io.File.pathSeparator)
                || !classPath.endsWith(".jar")) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        try {
            if (!Files.isRegularFile(jar)) {
                return Optional.empty();
            }
            boolean aot = feature >= AOT_FROM;
            String identity = jar + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis() + "|" + javaHome + "|" + vmVersion;
            Path archive = directory(env, userHome).resolve("classes-" + name(identity) + (aot ? ".aot" : ".jsa"));
            if (Files.isRegularFile(archive)) {
                return Optional.of(new ClassArchive(archive, Optional.empty(), aot));
            }
            return Optional.of(new ClassArchive(archive, Optional.of(archive.resolveSibling(archive.getFileName() + "." + pid + ".tmp")), aot));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * 32 hex digits naming the archive of one jar on one JVM: two 64-bit FNV-1a hashes of the identity (the second over
     * it backwards). Not a MessageDigest: the launcher would start the JVM's security providers for it, about 30 ms
     * before the worker starts; a collision costs nothing either, as the JVM refuses an archive dumped from another jar.
     */
    static String name(String identity) {
        byte[] bytes = identity.getBytes(StandardCharsets.UTF_8);
        long forward = 0xcbf29ce484222325L;
        long backward = 0xcbf29ce484222325L;
        for (int i = 0; i < bytes.length; i++) {
            forward = (forward ^ (bytes[i] & 0xff)) * 0x100000001b3L;
            backward = (backward ^ (bytes[bytes.length - 1 - i] & 0xff)) * 0x100000001b3L;
        }
        return hex16(forward) + hex16(backward);
    }

    private static String hex16(long value) {
        String hex = Long.toHexString(value);
        return "0".repeat(16 - hex.length()) + hex;
    }

    /**
     * The worker's options: map the archive, or dump one at exit (AppCDS) or record the configuration to build one from
     * (AOT; both into {@link #dumping}), its directory made owner-only first.
     */
    List<String> options() {
        List<String> options = new ArrayList<>();
        if (aot) {
            options.add(AOT_LOGGING);
        }
        if (dumping.isPresent()) {
            try {
                OwnerOnlyFiles.createDirectories(archive.getParent());
            } catch (IOException | RuntimeException e) {
                return List.of(); // no cache to write into: run without
            }
            // JDK 25 says "AOTConfiguration recorded" on standard output at exit, into a --json report: to standard error
            options.addAll(aot ? List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + dumping.get(), "-XX:+DisplayVMOutputToStderr")
                    : List.of("-XX:ArchiveClassesAtExit=" + dumping.get()));
        } else {
            options.add((aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive);
        }
        return options;
    }

    /** Builds an AOT cache: runs the JVM with these options added (the worker's own before them), true when it succeeded. */
    interface Assembler {
        boolean assemble(List<String> options);
    }

    /**
     * After the worker ended: a dump written by a worker that did its work (exit 0) becomes the archive (an AOT
     * configuration becomes a cache first, by {@code assembler}), so a first command that failed early (a mistyped
     * file, a refused plan: few classes loaded) does not decide it for every later run; anything else of it is removed,
     * and the next worker dumps again. Losing a race with another first run is fine: either file serves.
     */
    void keep(int workerExitCode, Assembler assembler) {
        if (dumping.isEmpty()) {
            return;
        }
        Path dumped = dumping.get();
        Path built = archive.resolveSibling(dumped.getFileName() + ".aot");
        try {
            if (workerExitCode == 0 && Files.isRegularFile(dumped) && Files.size(dumped) > 0) {
                Optional<Path> done = !aot ? Optional.of(dumped)
                        : assembler.assemble(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + dumped, "-XX:AOTCache=" + built))
                                && Files.isRegularFile(built) ? Optional.of(built) : Optional.empty();
                if (done.isPresent()) {
                    Files.move(done.get(), archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    dropOlder(archive.getParent());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the next run dumps again
        } finally {
            try {
                Files.deleteIfExists(dumped);
                Files.deleteIfExists(built);
            } catch (IOException e) {
                // a stray temporary file in the cache; the name is this process's own
            }
        }
    }

    /** Archives kept: each rebuilt jar or updated JVM writes another (~32 MB), so all but the newest few go. */
    static final int KEPT = 3;

    private static void dropOlder(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            List<Path> archives = files.filter(f -> f.getFileName().toString().matches("classes-[0-9a-f]{32}\\.(jsa|aot)"))
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
