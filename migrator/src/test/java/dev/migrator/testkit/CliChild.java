package dev.migrator.testkit;

import dev.migrator.local.LocalEmulators;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs the CLI in a JVM of its own, as the crash, signal and shard tests start it: this JVM's
 * java and class path, the emulators' credentials as system properties, then {@code args}.
 */
public final class CliChild {
    private CliChild() {}

    public static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daws.accessKeyId=" + LocalEmulators.ACCESS_KEY, "-Daws.secretAccessKey=" + LocalEmulators.SECRET_KEY,
                "-cp", System.getProperty("java.class.path"), "dev.migrator.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }
}
