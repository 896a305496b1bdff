package dev.migrator.support;

/**
 * A failure a store's gateway says is worth another attempt (a dropped connection, a server still loading):
 * {@link RetryPolicy} retries it with backoff like an AWS throttle. The message names the server, never a credential.
 */
public class TransientException extends RuntimeException {
    public TransientException(String message, Throwable cause) {
        super(message, cause);
    }
}
