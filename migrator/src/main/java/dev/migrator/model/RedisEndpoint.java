package dev.migrator.model;

import java.util.Optional;

/**
 * How to reach one Redis server (or cluster): host and port, TLS, the ACL user, and where its password is:
 * an environment variable or a file, never the schema itself. {@code pointer}: this endpoint in the schema.
 */
public record RedisEndpoint(
        String host,
        int port,
        boolean tls,
        Optional<String> user,
        Optional<String> passwordEnv,
        Optional<String> passwordFile,
        int database,
        boolean cluster,
        String pointer) {

    public static final int DEFAULT_PORT = 6379;

    /** host:port/db as plans and reports name it (never a credential). */
    public String describe() {
        return host + ":" + port + "/" + database + (cluster ? " (cluster)" : "") + (tls ? " (TLS)" : "");
    }
}
