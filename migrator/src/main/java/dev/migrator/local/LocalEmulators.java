package dev.migrator.local;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * DynamoDB Local and S3Proxy as child JVMs (each on its own classpath, built by the
 * {@code emulators/} modules), moto's server for Cognito and two Redis servers (Stack A's, Stack B's) where
 * {@code moto_server} and {@code redis-server} are installed. All bind
 * free ports; clients use 127.0.0.1. Credentials are fixed test values.
 */
public final class LocalEmulators implements AutoCloseable {
    public static final String ACCESS_KEY = "localaccesskey";
    public static final String SECRET_KEY = "localsecretkey";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final List<ChildProcess> children;
    private final URI dynamoDb;
    private final URI s3;
    private final Optional<URI> cognito;
    private final Optional<RedisPorts> redis;

    private LocalEmulators(List<ChildProcess> children, URI dynamoDb, URI s3, Optional<URI> cognito, Optional<RedisPorts> redis) {
        this.children = children;
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
        this.cognito = cognito;
        this.redis = redis;
    }

    /** The two Redis servers' ports on 127.0.0.1: Stack A's and Stack B's. */
    public record RedisPorts(int source, int target) {}

    /** Starts all emulators in parallel; {@code home} is the {@code emulators/} directory of the build. */
    public static LocalEmulators start(Path home, Path logDirectory) throws IOException {
        Files.createDirectories(logDirectory);
        int dynamoPort = freePort();
        int s3Port = freePort();
        CompletableFuture<ChildProcess> dynamo = async(() -> startDynamoDb(home, dynamoPort, logDirectory.resolve("dynamodb-local.log")));
        CompletableFuture<ChildProcess> s3 = async(() -> startS3Proxy(home, s3Port, logDirectory.resolve("s3proxy.log")));
        CompletableFuture<Optional<ChildProcess>> moto = async(() -> MotoServer.startIfInstalled(logDirectory));
        CompletableFuture<Optional<ChildProcess>> redisA = async(() -> RedisServer.startIfInstalled("redis stack-a", logDirectory));
        CompletableFuture<Optional<ChildProcess>> redisB = async(() -> RedisServer.startIfInstalled("redis stack-b", logDirectory));
        List<ChildProcess> started = new ArrayList<>();
        try {
            started.add(join(dynamo));
            started.add(join(s3));
            Optional<ChildProcess> cognito = join(moto);
            cognito.ifPresent(started::add);
            Optional<ChildProcess> a = join(redisA);
            Optional<ChildProcess> b = join(redisB);
            a.ifPresent(started::add);
            b.ifPresent(started::add);
            return new LocalEmulators(started, local(dynamoPort), local(s3Port),
                    cognito.map(c -> local(c.port())), a.flatMap(x -> b.map(y -> new RedisPorts(x.port(), y.port()))));
        } catch (IOException | RuntimeException e) {
            started.forEach(ChildProcess::close);
            for (CompletableFuture<?> f : List.of(dynamo, s3, moto, redisA, redisB)) {
                f.thenAccept(LocalEmulators::closeQuietly);
            }
            throw e;
        }
    }

    /** DynamoDB Local alone, in its own JVM on {@code port} (the benchmark's server). */
    public static ChildProcess startDynamoDb(Path home, int port, Path log) throws IOException {
        return startDynamoDb(home, port, log, String.valueOf(port));
    }

    /**
     * DynamoDB Local alone on {@code port}, its tables kept in {@code dataDirectory}: started again on the
     * same directory after being killed, it still holds them (the restart fault test).
     */
    public static ChildProcess startDynamoDb(Path home, int port, Path dataDirectory, Path log) throws IOException {
        Files.createDirectories(dataDirectory);
        return startDynamoDb(home, port, log, String.valueOf(port), dataDirectory.toString());
    }

    /**
     * DynamoDB Local extracts its SQLite library into its JVM's temporary directory at every start and deletes it at
     * exit, which a killed server (the fault tests) never reaches: that directory is one beside its log, not /tmp.
     */
    private static ChildProcess startDynamoDb(Path home, int port, Path log, String... arguments) throws IOException {
        Path temporary = Files.createDirectories(log.toAbsolutePath().resolveSibling("dynamodb-local-tmp"));
        return ChildProcess.startAndAwaitReadyLine("DynamoDB Local", ChildProcess.javaCommand(1024, List.of("-Djava.io.tmpdir=" + temporary),
                classpath(home, "dynamodb-local"), "dev.migrator.emulator.dynamodb.DynamoDbLocalLauncher", arguments), port, log, START_TIMEOUT);
    }

    /** S3Proxy alone, in its own JVM on {@code port}, with an in-memory store (the benchmark's server). */
    public static ChildProcess startS3Proxy(Path home, int port, Path log) throws IOException {
        return startS3Proxy(home, port, log, 1024);
    }

    /** The same, its heap (which holds every object) at most {@code maxHeapMib} MiB. */
    public static ChildProcess startS3Proxy(Path home, int port, Path log, long maxHeapMib) throws IOException {
        return startS3Proxy(home, port, log, maxHeapMib, Optional.empty());
    }

    /**
     * S3Proxy's in-memory store: a file system of {@code bytes} in blocks of {@code blockBytes} (every object takes
     * whole blocks). Its default, 4 GiB of 8 KiB blocks, holds at most 524,288 objects.
     */
    public record S3ProxyStore(long bytes, int blockBytes) {
        public static final S3ProxyStore DEFAULT = new S3ProxyStore(4L << 30, 8192);
    }

    /** The same, with a store of its own size where given. */
    public static ChildProcess startS3Proxy(Path home, int port, Path log, long maxHeapMib, Optional<S3ProxyStore> store)
            throws IOException {
        List<String> arguments = new ArrayList<>(List.of(String.valueOf(port), ACCESS_KEY, SECRET_KEY));
        store.ifPresent(s -> arguments.addAll(List.of(String.valueOf(s.bytes()), String.valueOf(s.blockBytes()))));
        return ChildProcess.startAndAwaitReadyLine("S3Proxy", ChildProcess.javaCommand(maxHeapMib, classpath(home, "s3proxy"),
                "dev.migrator.emulator.s3.S3ProxyLauncher", arguments.toArray(String[]::new)), port, log, START_TIMEOUT);
    }

    /** The {@code emulators/} directory: a system property, an environment variable, or beside the jar's build. */
    public static Path locateHome() {
        String configured = System.getProperty("migrator.emulators.home", System.getenv("MIGRATOR_EMULATORS_HOME"));
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            Path jar = Path.of(LocalEmulators.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = jar.getParent(); dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve("emulators/dynamodb-local"))) {
                    return dir.resolve("emulators");
                }
            }
        } catch (Exception ignored) {
            // fall through to the working directory
        }
        return Path.of("emulators");
    }

    public URI dynamoDbEndpoint() {
        return dynamoDb;
    }

    public URI s3Endpoint() {
        return s3;
    }

    /** moto's endpoint, where moto_server is installed. */
    public Optional<URI> cognitoEndpoint() {
        return cognito;
    }

    /** Stack A's and Stack B's Redis servers, where redis-server is installed. */
    public Optional<RedisPorts> redis() {
        return redis;
    }

    @Override
    public void close() {
        children.forEach(ChildProcess::close);
    }

    private static String classpath(Path home, String module) throws IOException {
        Path target = home.resolve(module).resolve("target");
        Path lib = target.resolve("lib");
        if (!Files.isDirectory(lib) || !Files.isDirectory(target.resolve("classes"))) {
            throw new IOException("emulator " + module + " is not built (" + lib + " is missing); run 'mvn -DskipTests package' first");
        }
        return target.resolve("classes") + File.pathSeparator + lib + File.separator + "*";
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static URI local(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    private interface Starter<T> {
        T start() throws IOException;
    }

    private static <T> CompletableFuture<T> async(Starter<T> starter) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return starter.start();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static <T> T join(CompletableFuture<T> future) throws IOException {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    private static void closeQuietly(Object started) {
        if (started instanceof ChildProcess c) {
            c.close();
        } else if (started instanceof Optional<?> o) {
            o.ifPresent(LocalEmulators::closeQuietly);
        }
    }
}
