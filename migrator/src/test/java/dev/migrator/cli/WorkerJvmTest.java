package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the launching JVM hands the work to a worker JVM with migrator's options, and when it keeps it. */
class WorkerJvmTest {
    private static final Optional<String> JAVA = Optional.of("/usr/bin/java");

    @Test
    void aRunGoesToAWorkerWithTheOperatorsOptionsPlusMigratorsAndTheSameArguments() {
        List<String> command = WorkerJvm.command(new String[] {"run", "s.json", "--resume"}, Map.of(), List.of("-Xmx2g", "-Dx=y"),
                false, JAVA, "migrator.jar").orElseThrow();
        assertThat(command).containsExactly("/usr/bin/java", "-Xmx2g", "-Dx=y", "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.5", "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED",
                "-Dmigrator.worker=" + ProcessHandle.current().pid(), "-cp", "migrator.jar", "dev.migrator.cli.Main", "run", "s.json", "--resume");
    }

    @Test
    void aBareSchemaFilePlanSyncVerifyReplayBackupAndTheDemoAreRelaunched() {
        for (String first : List.of("MigrationSchema_x.json", "plan", "sync", "verify", "replay", "backup", "demo")) {
            assertThat(relaunched(Map.of(), List.of(), first)).as(first).isTrue();
        }
    }

    @Test
    void quickCommandsHelpAndVersionRunWhereTheyAre() {
        for (String first : List.of("validate", "status", "templates", "help", "--version", "-V", "--help")) {
            assertThat(relaunched(Map.of(), List.of(), first)).as(first).isFalse();
        }
        assertThat(relaunched(Map.of(), List.of(), "run", "--help")).isFalse();
        assertThat(relaunched(Map.of(), List.of())).isFalse();
    }

    @Test
    void theOperatorsOwnChoiceWins() {
        assertThat(relaunched(Map.of("MIGRATOR_RELAUNCH", "false"), List.of(), "run", "s.json")).isFalse();
        assertThat(relaunched(Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g"), List.of(), "run", "s.json")).isFalse();
        assertThat(relaunched(Map.of(), List.of("-XX:+UseG1GC"), "run", "s.json")).isFalse();
        assertThat(relaunched(Map.of(), List.of("-XX:TieredStopAtLevel=4"), "run", "s.json")).isFalse();
        assertThat(relaunched(Map.of(), List.of("-XX:CompileThresholdScaling=2"), "run", "s.json")).isFalse();
    }

    @Test
    void theWorkerNeverRelaunchesItself() {
        assertThat(WorkerJvm.command(new String[] {"run", "s.json"}, Map.of(), List.of(), true, JAVA, "migrator.jar")).isEmpty();
        assertThat(WorkerJvm.command(new String[] {"run", "s.json"}, Map.of(), List.of(), false, Optional.empty(), "migrator.jar")).isEmpty();
    }

    @Test
    void theOptionsAreReadFromTheCommandLineBeforeTheJarOrTheMainClass() {
        String[] args = {"run", "s.json", "--json"};
        assertThat(WorkerJvm.optionsOnCommandLine(List.of("-Xmx512m", "-Dx=a b", "-jar", "/opt/migrator.jar", "run", "s.json", "--json"),
                args, Map.of())).contains(List.of("-Xmx512m", "-Dx=a b"));
        assertThat(WorkerJvm.optionsOnCommandLine(List.of("-Xmx1g", "-cp", "a.jar:b.jar", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--class-path=c.jar", "dev.migrator.cli.Main", "run", "s.json", "--json"), args, Map.of()))
                .contains(List.of("-Xmx1g", "--add-opens", "java.base/java.lang=ALL-UNNAMED"));
        assertThat(WorkerJvm.optionsOnCommandLine(List.of("-jar", "migrator.jar"), new String[0], Map.of())).contains(List.of());
        // the application's arguments may look like the launcher's own
        assertThat(WorkerJvm.optionsOnCommandLine(List.of("-Xss2m", "-jar", "m.jar", "run", "-jar", "x.json"),
                new String[] {"run", "-jar", "x.json"}, Map.of())).contains(List.of("-Xss2m"));
    }

    @Test
    void optionsTheCommandLineDoesNotShowAreLeftToJmx() {
        String[] args = {"run", "s.json"};
        List<String> argv = List.of("-Xmx512m", "-jar", "migrator.jar", "run", "s.json");
        assertThat(WorkerJvm.optionsOnCommandLine(argv, args, Map.of("JDK_JAVA_OPTIONS", "-XX:+UseG1GC"))).isEmpty();
        assertThat(WorkerJvm.optionsOnCommandLine(argv, args, Map.of("_JAVA_OPTIONS", "-Xmx1g"))).isEmpty();
        assertThat(WorkerJvm.optionsOnCommandLine(List.of("@jvm.opts", "-jar", "migrator.jar", "run", "s.json"), args, Map.of())).isEmpty();
        assertThat(WorkerJvm.optionsOnCommandLine(List.of("-m", "migrator/dev.migrator.cli.Main", "run", "s.json"), args, Map.of())).isEmpty();
        assertThat(WorkerJvm.optionsOnCommandLine(List.of("--source", "17", "Main.java", "run", "s.json"), args, Map.of())).isEmpty();
        // a command line cut short, or not this JVM's arguments
        assertThat(WorkerJvm.optionsOnCommandLine(List.of("-Xmx512m", "-jar", "migrator.jar"), args, Map.of())).isEmpty();
        assertThat(WorkerJvm.optionsOnCommandLine(List.of("-jar", "migrator.jar", "run", "other.json"), args, Map.of())).isEmpty();
        assertThat(WorkerJvm.optionsOnCommandLine(List.of("run", "s.json"), args, Map.of())).isEmpty();
    }

    private static boolean relaunched(Map<String, String> env, List<String> jvm, String... args) {
        return WorkerJvm.command(args, env, jvm, false, JAVA, "migrator.jar").isPresent();
    }
}
