package dev.migrator.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated migration: which resources move from which stack to which, and how. Both file formats
 * (VAMS and native) load into this one shape; every element remembers its JSON pointer in the file.
 */
public record MigrationSchema(
        Path file,
        SchemaFormat format,
        String name,
        StackSpec source,
        StackSpec target,
        List<BucketPair> buckets,
        List<TablePair> tables,
        List<UserPoolPair> userPools,
        List<RedisPair> redis,
        MigrationOptions options) {

    public MigrationSchema {
        buckets = List.copyOf(buckets);
        tables = List.copyOf(tables);
        userPools = List.copyOf(userPools);
        redis = List.copyOf(redis);
    }

    /** A schema without Redis pairs. */
    public MigrationSchema(Path file, SchemaFormat format, String name, StackSpec source, StackSpec target, List<BucketPair> buckets,
                           List<TablePair> tables, List<UserPoolPair> userPools, MigrationOptions options) {
        this(file, format, name, source, target, buckets, tables, userPools, List.of(), options);
    }

    public int resourceCount() {
        return buckets.size() + tables.size() + userPools.size() + redis.size();
    }
}
