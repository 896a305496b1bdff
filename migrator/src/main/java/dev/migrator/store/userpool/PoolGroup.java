package dev.migrator.store.userpool;

import java.util.Optional;

/** A Cognito group: what CreateGroup needs to recreate it. */
public record PoolGroup(String name, Optional<String> description, Optional<Integer> precedence, Optional<String> roleArn) {}
