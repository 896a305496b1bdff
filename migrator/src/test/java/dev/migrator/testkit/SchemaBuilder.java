package dev.migrator.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Native MigrationSchema files for tests, built as JSON rather than by editing strings: both stacks with
 * their endpoints, pairs of each store with their settings, options. {@link #write} pretty-prints, so the
 * loader's line numbers stay meaningful.
 */
public final class SchemaBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode root = JSON.createObjectNode();

    private SchemaBuilder(String sourceRegion, String targetRegion) {
        root.put("schemaVersion", "1.0");
        root.putObject("source").put("region", sourceRegion);
        root.putObject("target").put("region", targetRegion);
    }

    public static SchemaBuilder between(String sourceRegion, String targetRegion) {
        return new SchemaBuilder(sourceRegion, targetRegion);
    }

    /** The same endpoint for {@code service} ({@code s3}, {@code dynamodb}, {@code cognito}) in both stacks. */
    public SchemaBuilder endpoint(String service, URI uri) {
        for (String stack : new String[] {"source", "target"}) {
            ((ObjectNode) root.get(stack)).with("endpoints").put(service, uri.toString());
        }
        return this;
    }

    public SchemaBuilder bucket(String name, String source, String target, Map<String, ?> settings) {
        return pair("buckets", name, source, target, settings);
    }

    public SchemaBuilder table(String name, String source, String target, Map<String, ?> settings) {
        return pair("tables", name, source, target, settings);
    }

    public SchemaBuilder userPool(String name, String source, String target, Map<String, ?> settings) {
        return pair("userPools", name, source, target, settings);
    }

    /** A Redis pair between two servers on 127.0.0.1, database 0 of each. */
    public SchemaBuilder redis(String name, int sourcePort, int targetPort, Map<String, ?> settings) {
        ObjectNode pair = root.withArray("redis").addObject().put("name", name);
        pair.putObject("source").put("host", "127.0.0.1").put("port", sourcePort);
        pair.putObject("target").put("host", "127.0.0.1").put("port", targetPort);
        settings.forEach((key, value) -> pair.set(key, JSON.valueToTree(value)));
        return this;
    }

    /** Marks one side ("source" or "target") of the {@code index}th Redis pair as a cluster. */
    public SchemaBuilder redisCluster(int index, String side) {
        ((ObjectNode) root.withArray("redis").get(index).get(side)).put("cluster", true);
        return this;
    }

    private SchemaBuilder pair(String store, String name, String source, String target, Map<String, ?> settings) {
        ArrayNode pairs = root.withArray(store);
        ObjectNode pair = pairs.addObject().put("name", name).put("source", source).put("target", target);
        settings.forEach((key, value) -> pair.set(key, JSON.valueToTree(value)));
        return this;
    }

    /** Sets (or replaces) one setting of the {@code index}th pair of {@code store}. */
    public SchemaBuilder set(String store, int index, String key, Object value) {
        ((ObjectNode) root.withArray(store).get(index)).set(key, JSON.valueToTree(value));
        return this;
    }

    public SchemaBuilder option(String key, Object value) {
        root.with("options").set(key, JSON.valueToTree(value));
        return this;
    }

    /** Pair settings written as a JSON object's members ({@code "versions": "all", "include": ["a/"]}). */
    public static Map<String, Object> settings(String members) {
        if (members.isBlank()) {
            return Map.of();
        }
        try {
            JsonNode node = JSON.readTree("{" + members.strip().replaceFirst("^,", "") + "}");
            return JSON.convertValue(node, JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON object members: " + members, e);
        }
    }

    public Path write(Path file) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        return file;
    }
}
