package dev.migrator.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SIGKILL on a CLI started as {@code java ... Main}: that JVM hands the work to a worker JVM, which dies with it;
 * returns once both are gone, so the next command finds the state unlocked, as after a real crash.
 */
public final class KilledCli {
    private KilledCli() {}

    public static void kill(Process cli) throws Exception {
        List<ProcessHandle> worker = cli.descendants().toList();
        cli.destroyForcibly();
        assertThat(cli.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        for (ProcessHandle p : worker) {
            assertThat(p.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("the worker JVM dies with its launcher").isFalse();
        }
    }
}
