package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signal during a guarded step, in a JVM of its own: the step is interrupted, finishes its cleanup, and the JVM
 * exits with the code the step gave (as the launcher keeps the worker's code while it builds the class cache), not
 * 128 + the signal's number.
 */
class CtrlCTest {

    @Test
    void aSignalLetsTheGuardedStepCleanUpAndTheJvmExitsWithItsCode(@TempDir Path dir) throws Exception {
        Path cleaned = dir.resolve("cleaned");
        Path log = dir.resolve("guarded.log");
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Guarded.class.getName(), cleaned.toString(), "3"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(log).contains("guarded")) {
            assertThat(child.isAlive()).as(Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("not guarded within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }

        child.destroy(); // SIGTERM, which the JVM alone would answer with 143

        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(log)).isEqualTo(3);
        assertThat(cleaned).as("the step's cleanup ran before the JVM ended").hasContent("cleaned up");
    }

    /** Sleeps under a guard that says exit code {@code args[1]}; interrupted, it cleans up slowly (writes {@code args[0]}). */
    static final class Guarded {
        public static void main(String[] args) throws Exception {
            try (CtrlC guard = CtrlC.guard()) {
                guard.exit(Integer.parseInt(args[1]));
                System.out.println("guarded");
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.sleep(300);
                    Files.writeString(Path.of(args[0]), "cleaned up");
                }
            }
            System.exit(99);
        }
    }
}
