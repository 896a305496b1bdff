package dev.migrator.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The AWS CLI as a peer: Debian's /usr/bin/aws first, else the first 'aws' on PATH. */
final class AwsCli {
    private AwsCli() {}

    static Optional<String> locate() {
        return Files.isExecutable(Path.of("/usr/bin/aws")) ? Optional.of("/usr/bin/aws") : Tools.locate("aws");
    }

    /** "aws-cli/1.45.11" out of the CLI's version line. */
    static String version(String aws) {
        return Tools.version(aws, "--version").split(" ")[0];
    }

    /** The CLI's command line against an endpoint, errors only. */
    static List<String> command(String aws, URI endpoint, String... args) {
        List<String> command = new ArrayList<>(List.of(aws, "--endpoint-url", endpoint.toString(), "--only-show-errors"));
        command.addAll(List.of(args));
        return command;
    }
}
