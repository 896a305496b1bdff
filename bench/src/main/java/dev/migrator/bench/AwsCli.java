package dev.migrator.bench;

import dev.migrator.local.LocalEmulators;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The AWS CLI as a peer: Debian's /usr/bin/aws first, else the first 'aws' on PATH. */
final class AwsCli {
    private AwsCli() {}

    static Optional<String> locate() {
        if (Files.isExecutable(Path.of("/usr/bin/aws"))) {
            return Optional.of("/usr/bin/aws");
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "aws");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    static String version(String aws) {
        try {
            Process p = new ProcessBuilder(aws, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return out.split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** Runs the CLI against the emulator and times it; fails if the CLI does. */
    static BucketBenchmark.Result timed(String name, long objects, long bytes, String aws, URI endpoint, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(aws, "--endpoint-url", endpoint.toString(), "--only-show-errors"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AWS_ACCESS_KEY_ID", LocalEmulators.ACCESS_KEY);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", LocalEmulators.SECRET_KEY);
        builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        builder.environment().put("AWS_CONFIG_FILE", "/dev/null");
        long started = System.nanoTime();
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit + ": " + out);
        }
        return new BucketBenchmark.Result(name, objects, bytes, seconds);
    }
}
