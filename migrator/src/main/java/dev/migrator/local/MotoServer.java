package dev.migrator.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** moto's server (the Cognito emulator), started from the PATH where it is installed. */
public final class MotoServer {
    private MotoServer() {}

    public static Optional<Path> executable() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "moto_server");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Optional<ChildProcess> startIfInstalled(Path logDirectory) throws IOException {
        Optional<Path> moto = executable();
        if (moto.isEmpty()) {
            return Optional.empty();
        }
        int port = LocalEmulators.freePort();
        ChildProcess child = ChildProcess.startAndAwaitPort("moto_server",
                List.of(moto.get().toString(), "-H", "127.0.0.1", "-p", String.valueOf(port)), port,
                logDirectory.resolve("moto.log"), Duration.ofSeconds(30));
        return Optional.of(child);
    }
}
