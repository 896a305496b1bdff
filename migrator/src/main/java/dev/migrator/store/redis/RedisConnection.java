package dev.migrator.store.redis;

import dev.migrator.model.RedisEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;

/**
 * How to reach one Redis endpoint: its address, TLS, user, and the password read from the environment variable or
 * file the schema names, only when first needed (a variable that is not set is then a preflight finding naming it).
 * The password lives in the client's configuration only; nothing here logs or returns it.
 */
final class RedisConnection implements AutoCloseable {
    private final RedisEndpoint endpoint;
    private final Path schemaDirectory;
    private final UnaryOperator<String> environment;
    private final int poolSize;
    private RedisNodes nodes;

    /** {@code environment}: looks up a variable (System::getenv in a run); {@code poolSize}: connections at most. */
    RedisConnection(RedisEndpoint endpoint, Path schemaDirectory, UnaryOperator<String> environment, int poolSize) {
        this.endpoint = endpoint;
        this.schemaDirectory = schemaDirectory;
        this.environment = environment;
        this.poolSize = poolSize;
    }

    RedisEndpoint endpoint() {
        return endpoint;
    }

    /** The servers behind the endpoint, connected on first use: one server, or a cluster's primaries. */
    synchronized RedisNodes nodes() {
        if (nodes == null) {
            HostAndPort address = new HostAndPort(endpoint.host(), endpoint.port());
            nodes = endpoint.cluster() ? new ClusterNodes(address, clientConfig(), poolSize)
                    : new StandaloneNodes(address, clientConfig(), poolSize);
        }
        return nodes;
    }

    private JedisClientConfig clientConfig() {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(5_000).socketTimeoutMillis(60_000).database(endpoint.database())
                .ssl(endpoint.tls()).clientName("migrator");
        endpoint.user().ifPresent(config::user);
        password().ifPresent(config::password);
        return config.build();
    }

    private Optional<String> password() {
        if (endpoint.passwordEnv().isPresent()) {
            String variable = endpoint.passwordEnv().get();
            String value = environment.apply(variable);
            if (value == null || value.isEmpty()) {
                throw new IllegalStateException("environment variable " + variable + " (passwordEnv at " + endpoint.pointer()
                        + ") is not set: export it with the password of " + endpoint.describe());
            }
            return Optional.of(value);
        }
        if (endpoint.passwordFile().isPresent()) {
            Path file = schemaDirectory.resolve(endpoint.passwordFile().get());
            try {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new IllegalStateException("password file " + file + " (passwordFile at " + endpoint.pointer()
                        + ") cannot be read: " + e.getClass().getSimpleName(), e);
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized void close() {
        if (nodes != null) {
            nodes.close();
            nodes = null;
        }
    }
}
