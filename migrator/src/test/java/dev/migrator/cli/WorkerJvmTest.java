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
        assertThat(command).containsExactly("/usr/bin/java", "-Xmx2g", "-Dx=y", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
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
    }

    @Test
    void theWorkerNeverRelaunchesItself() {
        assertThat(WorkerJvm.command(new String[] {"run", "s.json"}, Map.of(), List.of(), true, JAVA, "migrator.jar")).isEmpty();
        assertThat(WorkerJvm.command(new String[] {"run", "s.json"}, Map.of(), List.of(), false, Optional.empty(), "migrator.jar")).isEmpty();
    }

    private static boolean relaunched(Map<String, String> env, List<String> jvm, String... args) {
        return WorkerJvm.command(args, env, jvm, false, JAVA, "migrator.jar").isPresent();
    }
}
