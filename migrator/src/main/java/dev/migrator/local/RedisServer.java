package dev.migrator.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Debian's {@code redis-server}, started on 127.0.0.1 as a throw-away server: no persistence, keyspace notifications
 * on (catch-up follows them), {@code extra} arguments appended ({@code --requirepass}, {@code --rename-command}).
 */
public final class RedisServer {
    private RedisServer() {}

    /** redis-server on the PATH, or where Debian installs it. */
    public static Optional<Path> executable() {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.add("/usr/bin");
        dirs.add("/usr/sbin");
        for (String dir : dirs) {
            Path candidate = Path.of(dir, "redis-server");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static ChildProcess start(String name, int port, Path log, String... extra) throws IOException {
        Path server = executable().orElseThrow(() -> new IOException("redis-server is not installed (apt-get install redis-server)"));
        List<String> command = new ArrayList<>(List.of(server.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no", "--notify-keyspace-events", "KA", "--dir",
                log.getParent().toString(), "--dbfilename", "redis-" + port + ".rdb", "--logfile", ""));
        command.addAll(List.of(extra));
        return ChildProcess.startAndAwaitPort(name, command, port, log, Duration.ofSeconds(30)).stoppedBySignal();
    }

    static Optional<ChildProcess> startIfInstalled(String name, Path logDirectory) throws IOException {
        if (executable().isEmpty()) {
            return Optional.empty();
        }
        int port = LocalEmulators.freePort();
        return Optional.of(start(name, port, logDirectory.resolve(name.replace(' ', '-') + ".log")));
    }
}
