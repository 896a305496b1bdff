package dev.migrator.bench;

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

    /** The CLI's command line against an endpoint, errors only. */
    static List<String> command(String aws, URI endpoint, String... args) {
        List<String> command = new ArrayList<>(List.of(aws, "--endpoint-url", endpoint.toString(), "--only-show-errors"));
        command.addAll(List.of(args));
        return command;
    }
}
