package dev.migrator.model;

/** Where a resource pair and its two names sit in the schema file, as JSON pointers. */
public record PairLocation(String pair, String source, String target) {}
