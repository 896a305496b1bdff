package dev.migrator.store.bucket;

/** A bucket's name and versioning status (Enabled, Suspended, Disabled, or unknown where the endpoint cannot tell). */
public record BucketInfo(String name, String versioning) {}
