package dev.migrator.store.userpool;

/** One attribute of a pool's schema, as DescribeUserPool lists it (custom ones named "custom:x"). */
public record AttributeSpec(String name, String type, boolean required, boolean mutable, boolean developerOnly) {}
