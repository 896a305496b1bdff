package dev.migrator.store.userpool;

/** How one user ended in the target pool. */
sealed interface UserOutcome {
    record Created(String username) implements UserOutcome {}

    record Updated(String username) implements UserOutcome {}

    record SkippedExisting(String username) implements UserOutcome {}

    /** Signed in through an external identity provider: listed in the report, not created. */
    record Federated(String username) implements UserOutcome {}

    record Failed(String username, UserDeadLetter.Stage stage, String reason) implements UserOutcome {}
}
