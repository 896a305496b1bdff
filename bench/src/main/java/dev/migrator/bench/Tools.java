package dev.migrator.bench;

import dev.migrator.local.LocalEmulators;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Other tools the benchmark measures: found on PATH, asked for their version, configured for the emulators. */
final class Tools {
    private Tools() {}

    static Optional<String> locate(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    static String version(String tool, String... args) {
        try {
            var command = new java.util.ArrayList<>(java.util.List.of(tool));
            command.addAll(java.util.List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return out.split("\n")[0];
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** One rclone remote named "src" on the emulator, so a copy between two of its buckets is server-side. */
    static Map<String, String> rcloneEnv(URI endpoint) {
        return Map.of("RCLONE_CONFIG_SRC_TYPE", "s3", "RCLONE_CONFIG_SRC_PROVIDER", "Other", "RCLONE_CONFIG_SRC_ENV_AUTH", "false",
                "RCLONE_CONFIG_SRC_ACCESS_KEY_ID", LocalEmulators.ACCESS_KEY, "RCLONE_CONFIG_SRC_SECRET_ACCESS_KEY", LocalEmulators.SECRET_KEY,
                "RCLONE_CONFIG_SRC_ENDPOINT", endpoint.toString(), "RCLONE_CONFIG_SRC_REGION", "us-east-1",
                "RCLONE_CONFIG_SRC_FORCE_PATH_STYLE", "true", "RCLONE_CONFIG", "/dev/null");
    }
}
