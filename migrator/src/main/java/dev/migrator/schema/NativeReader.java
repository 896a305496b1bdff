package dev.migrator.schema;

import dev.migrator.model.CatchUp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrator.model.BucketPair;
import dev.migrator.model.ByteSize;
import dev.migrator.model.MigrationOptions;
import dev.migrator.model.MigrationSchema;
import dev.migrator.model.NonEmptyTargetPolicy;
import dev.migrator.model.PairLocation;
import dev.migrator.model.RedisEndpoint;
import dev.migrator.model.RedisPair;
import dev.migrator.model.SchemaFormat;
import dev.migrator.model.SeededKey;
import dev.migrator.model.StackSpec;
import dev.migrator.model.TablePair;
import dev.migrator.model.UserPoolPair;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads migrator's native format (schemaVersion 1.0) into the common model. */
final class NativeReader {
    private final TransformReader transforms = new TransformReader();

    MigrationSchema read(Path file, JsonNode root, ProblemCollector problems) {
        MigrationOptions options = options(root.path("options"));
        Path directory = file.toAbsolutePath().getParent();
        List<BucketPair> buckets = new ArrayList<>();
        forEach(root, "buckets", (node, at) -> buckets.add(new BucketPair(
                nameOf(node), node.path("source").asText(), node.path("target").asText(),
                strings(node.path("include")), strings(node.path("exclude")),
                "all".equals(node.path("versions").asText()) ? BucketPair.VersionMode.ALL : BucketPair.VersionMode.CURRENT,
                text(node, "storageClass"), text(node, "kmsKeyId"),
                policy(node, options.ifTargetNotEmpty()), CatchUp.of(node.path("catchUp").asText()),
                node.path("deleteRemoved").asBoolean(false), location(at))));
        List<TablePair> tables = new ArrayList<>();
        forEach(root, "tables", (node, at) -> tables.add(new TablePair(
                nameOf(node), node.path("source").asText(), node.path("target").asText(),
                transforms.read(node.path("transforms"), at + "/transforms", directory, problems),
                policy(node, options.ifTargetNotEmpty()), seededKeys(node.path("seededKeys"), at + "/seededKeys"),
                node.has("segments") ? Optional.of(node.get("segments").asInt()) : Optional.empty(),
                CatchUp.of(node.path("catchUp").asText()), node.path("backupBeforeWrite").asBoolean(false),
                location(at), export(node.path("export"), at + "/export"))));
        List<UserPoolPair> pools = new ArrayList<>();
        forEach(root, "userPools", (node, at) -> pools.add(new UserPoolPair(
                nameOf(node), node.path("source").asText(), node.path("target").asText(),
                "update".equals(node.path("existingUsers").asText())
                        ? UserPoolPair.ExistingUserPolicy.UPDATE : UserPoolPair.ExistingUserPolicy.SKIP,
                passwordPolicy(node.path("passwords").asText("reset-on-sign-in")),
                node.path("requestsPerSecond").asDouble(UserPoolPair.DEFAULT_REQUESTS_PER_SECOND),
                CatchUp.of(node.path("catchUp").asText()), location(at))));
        List<RedisPair> redis = new ArrayList<>();
        forEach(root, "redis", (node, at) -> redis.add(new RedisPair(
                node.has("name") ? node.get("name").asText() : node.path("source").path("host").asText(),
                redisEndpoint(node.path("source"), at + "/source"), redisEndpoint(node.path("target"), at + "/target"),
                strings(node.path("include")), strings(node.path("exclude")), policy(node, options.ifTargetNotEmpty()),
                node.path("keepTtl").asBoolean(true), RedisPair.Method.of(node.path("method").asText("auto")),
                CatchUp.of(node.path("catchUp").asText()),
                java.time.Duration.ofMillis(Math.round(1000 * node.path("ttlToleranceSeconds")
                        .asDouble(RedisPair.DEFAULT_TTL_TOLERANCE.toMillis() / 1000.0))),
                location(at))));
        String name = root.has("name") ? root.get("name").asText()
                : file.getFileName().toString().replaceFirst("\\.json$", "");
        return new MigrationSchema(file, SchemaFormat.NATIVE_1_0, name, stack("source", root.path("source")),
                stack("target", root.path("target")), buckets, tables, pools, redis, options);
    }

    private interface PairVisitor {
        void visit(JsonNode node, String pointer);
    }

    private static void forEach(JsonNode root, String field, PairVisitor visitor) {
        JsonNode nodes = root.path(field);
        for (int i = 0; i < nodes.size(); i++) {
            visitor.visit(nodes.get(i), "/" + field + "/" + i);
        }
    }

    private static PairLocation location(String at) {
        return new PairLocation(at, at + "/source", at + "/target");
    }

    private static String nameOf(JsonNode pair) {
        return pair.has("name") ? pair.get("name").asText() : pair.path("source").asText();
    }

    private static StackSpec stack(String role, JsonNode node) {
        JsonNode endpoints = node.path("endpoints");
        return new StackSpec(role, node.path("region").asText(), text(node, "profile"), text(node, "roleArn"),
                text(node, "externalId"),
                new StackSpec.ServiceEndpoints(uri(node, "endpoint"), uri(endpoints, "s3"),
                        uri(endpoints, "dynamodb"), uri(endpoints, "cognito")),
                "/" + role);
    }

    private static MigrationOptions options(JsonNode node) {
        MigrationOptions d = MigrationOptions.defaults();
        return new MigrationOptions(
                node.has("concurrency") ? node.get("concurrency").asInt() : node.path("maxConcurrency").asInt(d.concurrency()),
                !node.has("concurrency"),
                node.path("parallelSteps").asInt(d.parallelSteps()),
                rateLimit(node.path("readRateLimit")), rateLimit(node.path("writeRateLimit")),
                node.has("ifTargetNotEmpty") ? NonEmptyTargetPolicy.fromJson(node.get("ifTargetNotEmpty").asText())
                        : d.ifTargetNotEmpty(),
                node.path("maxRetries").asInt(d.maxRetries()), text(node, "stateDirectory"),
                size(node.path("multipartThreshold"), d.multipartThreshold()),
                size(node.path("multipartPartSize"), d.multipartPartSize()),
                node.path("maxLagSeconds").asDouble(d.maxLagSeconds()));
    }

    /** A byte count as a number or "64MiB"; the range is checked by SemanticCheck, garbage by the JSON Schema. */
    private static long size(JsonNode node, long fallback) {
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        return node.isTextual() ? ByteSize.parse(node.asText()).orElse(fallback) : fallback;
    }

    private static Optional<MigrationOptions.RateLimit> rateLimit(JsonNode node) {
        if (node.has("itemsPerSecond")) {
            return Optional.of(new MigrationOptions.RateLimit(node.get("itemsPerSecond").asDouble(),
                    MigrationOptions.RateLimit.Unit.ITEMS));
        }
        if (node.has("capacityUnitsPerSecond")) {
            return Optional.of(new MigrationOptions.RateLimit(node.get("capacityUnitsPerSecond").asDouble(),
                    MigrationOptions.RateLimit.Unit.CAPACITY_UNITS));
        }
        return Optional.empty();
    }

    private static NonEmptyTargetPolicy policy(JsonNode pair, NonEmptyTargetPolicy fallback) {
        return pair.has("ifTargetNotEmpty") ? NonEmptyTargetPolicy.fromJson(pair.get("ifTargetNotEmpty").asText())
                : fallback;
    }

    private static List<SeededKey> seededKeys(JsonNode nodes, String at) {
        List<SeededKey> keys = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Map<String, SeededKey.Match> matches = new LinkedHashMap<>();
            nodes.get(i).fields().forEachRemaining(e -> matches.put(e.getKey(), e.getValue().isObject()
                    ? new SeededKey.Prefix(e.getValue().path("prefix").asText())
                    : new SeededKey.Exact(e.getValue().asText())));
            keys.add(new SeededKey(matches, at + "/" + i));
        }
        return keys;
    }

    private static UserPoolPair.PasswordPolicy passwordPolicy(String value) {
        return switch (value) {
            case "pool-sends-temporary" -> UserPoolPair.PasswordPolicy.POOL_SENDS_TEMPORARY;
            case "temporary-password-file" -> UserPoolPair.PasswordPolicy.TEMPORARY_PASSWORD_FILE;
            default -> UserPoolPair.PasswordPolicy.RESET_ON_SIGN_IN;
        };
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.has(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }

    /** Endpoint syntax is checked later by {@link SemanticCheck}; an unparseable one reads as absent here. */
    private static Optional<URI> uri(JsonNode node, String field) {
        try {
            return text(node, field).map(URI::create);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<dev.migrator.model.TableExport> export(JsonNode node, String pointer) {
        if (node.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(new dev.migrator.model.TableExport(node.path("bucket").asText(), node.path("prefix").asText(""),
                node.path("exportArn").asText(), node.path("start").asBoolean(false), pointer));
    }

    private static RedisEndpoint redisEndpoint(JsonNode node, String pointer) {
        return new RedisEndpoint(node.path("host").asText(), node.path("port").asInt(RedisEndpoint.DEFAULT_PORT),
                node.path("tls").asBoolean(false), text(node, "user"), text(node, "passwordEnv"), text(node, "passwordFile"),
                node.path("database").asInt(0), node.path("cluster").asBoolean(false), pointer);
    }
}
