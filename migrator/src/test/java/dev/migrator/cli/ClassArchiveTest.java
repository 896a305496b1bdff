package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which class-data archive the worker JVM maps or dumps, where it lives, and when the dump becomes the archive. */
class ClassArchiveTest {
    /** An AppCDS archive is never assembled: the dump is the archive. */
    private static final ClassArchive.Assembler NO_ASSEMBLY = options -> {
        throw new AssertionError("assembled " + options);
    };

    @Test
    void onJdk25TheFirstWorkerRecordsTheLauncherHasTheCacheBuiltAndLaterWorkersMapIt(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("migrator.jar"), "jar");
        Map<String, String> env = Map.of("MIGRATOR_CACHE_DIR", dir.resolve("cache").toString());
        ClassArchive first = ClassArchive.of(env, jar.toString(), "/jdk25", "25.0.3+9-LTS", 25, "/home/x", 42).orElseThrow();
        assertThat(first.archive().getFileName().toString()).endsWith(".aot");
        Path recorded = first.dumping().orElseThrow();
        assertThat(first.options()).containsExactly("-Xlog:aot*=off:stderr", "-XX:AOTMode=record", "-XX:AOTConfiguration=" + recorded,
                "-XX:+DisplayVMOutputToStderr");

        Files.writeString(recorded, "configuration"); // what the worker's JVM writes at exit
        List<List<String>> asked = new java.util.ArrayList<>();
        first.keep(0, options -> {
            asked.add(options);
            String cache = options.get(2).substring("-XX:AOTCache=".length());
            try {
                Files.writeString(Path.of(cache), "cache built from " + Files.readString(recorded));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return true;
        });
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)).startsWith("-XX:AOTMode=create", "-XX:AOTConfiguration=" + recorded);
        assertThat(first.archive()).hasContent("cache built from configuration");
        try (var left = Files.list(first.archive().getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly(first.archive().getFileName().toString());
        }

        ClassArchive next = ClassArchive.of(env, jar.toString(), "/jdk25", "25.0.3+9-LTS", 25, "/home/x", 43).orElseThrow();
        assertThat(next.dumping()).isEmpty();
        assertThat(next.options()).containsExactly("-Xlog:aot*=off:stderr", "-XX:AOTCache=" + first.archive());
        // JDK 17 to 24 keep their AppCDS archive, under another name
        ClassArchive jdk21 = ClassArchive.of(env, jar.toString(), "/jdk", "21.0.5+11", 21, "/home/x", 44).orElseThrow();
        assertThat(jdk21.archive().getFileName().toString()).endsWith(".jsa");
        assertThat(jdk21.options()).containsExactly("-XX:ArchiveClassesAtExit=" + jdk21.dumping().orElseThrow());
    }

    @Test
    void aCacheThatCouldNotBeBuiltOrAWorkerThatFailedLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("migrator.jar"), "jar");
        Map<String, String> env = Map.of("MIGRATOR_CACHE_DIR", dir.resolve("cache").toString());
        ClassArchive failedBuild = ClassArchive.of(env, jar.toString(), "/jdk25", "25", 25, "/home/x", 1).orElseThrow();
        failedBuild.options();
        Files.writeString(failedBuild.dumping().orElseThrow(), "configuration");
        failedBuild.keep(0, options -> {
            try { // half a cache, then the JVM failed
                Files.writeString(Path.of(options.get(2).substring("-XX:AOTCache=".length())), "half");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return false;
        });
        ClassArchive failedRun = ClassArchive.of(env, jar.toString(), "/jdk25", "25", 25, "/home/x", 2).orElseThrow();
        failedRun.options();
        Files.writeString(failedRun.dumping().orElseThrow(), "configuration");
        failedRun.keep(3, NO_ASSEMBLY);
        try (var left = Files.list(dir.resolve("cache"))) {
            assertThat(left).isEmpty();
        }
    }
    @Test
    void theFirstWorkerDumpsIntoAFileOfItsOwnAndAKeptDumpIsMappedFromThen(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("migrator.jar"), "jar");
        Map<String, String> env = Map.of("MIGRATOR_CACHE_DIR", dir.resolve("cache").toString());
        ClassArchive first = ClassArchive.of(env, jar.toString(), "/jdk", "17.0.15", 17, "/home/x", 42).orElseThrow();
        assertThat(first.dumping()).isPresent();
        assertThat(first.dumping().get().getFileName().toString()).endsWith(".42.tmp");
        List<String> options = first.options();
        assertThat(options).containsExactly("-XX:ArchiveClassesAtExit=" + first.dumping().get());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("cache")))).isEqualTo("rwx------");

        Files.writeString(first.dumping().get(), "classes"); // what the JVM writes at exit
        first.keep(0, NO_ASSEMBLY);
        assertThat(first.archive()).hasContent("classes");
        assertThat(first.dumping().get()).doesNotExist();

        ClassArchive next = ClassArchive.of(env, jar.toString(), "/jdk", "17.0.15", 17, "/home/x", 43).orElseThrow();
        assertThat(next.dumping()).isEmpty();
        assertThat(next.options()).containsExactly("-XX:SharedArchiveFile=" + first.archive());
        assertThat(WorkerJvm.command("/usr/bin/java", List.of("-Xlog:gc"), jar.toString(), new String[] {"run", "s.json"},
                next.options())).startsWith("/usr/bin/java", "-Xlog:disable", "-Xlog:all=warning:stderr",
                "-Xlog:cds*=off:stderr", "-Xlog:gc", "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.5", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                "-XX:SharedArchiveFile=" + first.archive());
    }

    @Test
    void eachJarOnEachJvmHasAnArchiveOfItsOwnName() {
        String one = ClassArchive.name("/opt/migrator.jar|27743299|1764640000000|/usr/lib/jvm/java-17|17.0.15+6");
        assertThat(one).matches("[0-9a-f]{32}").isEqualTo(ClassArchive.name("/opt/migrator.jar|27743299|1764640000000|/usr/lib/jvm/java-17|17.0.15+6"));
        assertThat(Set.of(one, ClassArchive.name("/opt/migrator.jar|27743299|1764640000001|/usr/lib/jvm/java-17|17.0.15+6"),
                ClassArchive.name("/opt/migrator.jar|27743299|1764640000000|/usr/lib/jvm/java-17|17.0.16+8"),
                ClassArchive.name("/opt/migrator.jar|27743300|1764640000000|/usr/lib/jvm/java-17|17.0.15+6"))).hasSize(4);
        assertThat(ClassArchive.name("")).isEqualTo("cbf29ce484222325cbf29ce484222325");
    }

    @Test
    void onlyTheNewestFewArchivesAreKept(@TempDir Path dir) throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        for (int i = 0; i < 4; i++) {
            Path old = Files.writeString(cache.resolve(String.format("classes-%032x.jsa", i)), "old " + i);
            Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        Path other = Files.writeString(cache.resolve("notes.txt"), "not ours");
        Path jar = Files.writeString(dir.resolve("migrator.jar"), "jar");
        ClassArchive first = ClassArchive.of(Map.of("MIGRATOR_CACHE_DIR", cache.toString()), jar.toString(), "/jdk", "17", 17, "/home/x", 5)
                .orElseThrow();
        first.options();
        Files.writeString(first.dumping().get(), "classes");
        first.keep(0, NO_ASSEMBLY);
        try (var left = Files.list(cache)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(String.format("classes-%032x.jsa", 2),
                    String.format("classes-%032x.jsa", 3), first.archive().getFileName().toString(), "notes.txt");
        }
        assertThat(other).exists();
    }

    @Test
    void anotherJarOrJvmHasAnArchiveOfItsOwn(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("migrator.jar"), "jar");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.toString());
        Path one = ClassArchive.of(env, jar.toString(), "/jdk", "17.0.15", 17, "/home/x", 1).orElseThrow().archive();
        assertThat(one.getParent()).isEqualTo(dir.resolve("migrator"));
        assertThat(ClassArchive.of(env, jar.toString(), "/jdk", "17.0.16", 17, "/home/x", 1).orElseThrow().archive()).isNotEqualTo(one);
        Files.writeString(jar, "a rebuilt jar");
        assertThat(ClassArchive.of(env, jar.toString(), "/jdk", "17.0.15", 17, "/home/x", 1).orElseThrow().archive()).isNotEqualTo(one);
        assertThat(ClassArchive.of(Map.of(), jar.toString(), "/jdk", "17.0.15", 17, dir.toString(), 1).orElseThrow().archive().getParent())
                .isEqualTo(dir.resolve(".cache/migrator"));
    }

    @Test
    void aDumpOfAWorkerThatFailedOrWasKilledIsDroppedAndNothingIsArchivedWhenTurnedOffOrNotAJar(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("migrator.jar"), "jar");
        Map<String, String> env = Map.of("MIGRATOR_CACHE_DIR", dir.toString());
        ClassArchive killed = ClassArchive.of(env, jar.toString(), "/jdk", "17", 17, "/home/x", 7).orElseThrow();
        killed.options();
        Files.writeString(killed.dumping().get(), "half");
        killed.keep(137, NO_ASSEMBLY);
        assertThat(killed.archive()).doesNotExist();
        assertThat(killed.dumping().get()).doesNotExist();
        Files.writeString(killed.dumping().get(), "few classes");
        killed.keep(2, NO_ASSEMBLY); // a mistyped schema file: the next worker dumps again
        assertThat(killed.archive()).doesNotExist();
        assertThat(killed.dumping().get()).doesNotExist();

        assertThat(ClassArchive.of(Map.of("MIGRATOR_CLASS_ARCHIVE", "false"), jar.toString(), "/jdk", "17", 17, "/home/x", 7)).isEmpty();
        assertThat(ClassArchive.of(env, dir.toString(), "/jdk", "17", 17, "/home/x", 7)).as("classes from a directory").isEmpty();
        assertThat(ClassArchive.of(env, jar + ":" + jar, "/jdk", "17", 17, "/home/x", 7)).as("several entries").isEmpty();
        assertThat(ClassArchive.of(env, dir.resolve("gone.jar").toString(), "/jdk", "17", 17, "/home/x", 7)).isEmpty();
    }
}
