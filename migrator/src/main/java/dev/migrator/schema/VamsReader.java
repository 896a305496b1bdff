package dev.migrator.schema;

import dev.migrator.model.CatchUp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrator.model.BucketPair;
import dev.migrator.model.MigrationOptions;
import dev.migrator.model.MigrationSchema;
import dev.migrator.model.NonEmptyTargetPolicy;
import dev.migrator.model.PairLocation;
import dev.migrator.model.SchemaFormat;
import dev.migrator.model.StackSpec;
import dev.migrator.model.TablePair;
import dev.migrator.transform.AttributePath;
import dev.migrator.transform.Transform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the upstream VAMS format into the common model. Descriptors become pair names; each
 * {@code attributes} entry with both names becomes a rename; {@code "from": ""} means no mapping.
 */
final class VamsReader {

    MigrationSchema read(Path file, JsonNode root, ProblemCollector problems) {
        StackSpec source = StackSpec.ofRegion("source", root.path("regionFrom").asText(), "/regionFrom");
        StackSpec target = StackSpec.ofRegion("target", root.path("regionTo").asText(), "/regionTo");
        List<BucketPair> buckets = new ArrayList<>();
        JsonNode bucketNodes = root.path("VAMS_S3Bucket_Mapping");
        for (int i = 0; i < bucketNodes.size(); i++) {
            JsonNode node = bucketNodes.get(i);
            String at = "/VAMS_S3Bucket_Mapping/" + i;
            buckets.add(new BucketPair(node.path("bucketDescriptor").asText(),
                    node.path("buckets").path("from").asText(), node.path("buckets").path("to").asText(),
                    List.of(), List.of(), BucketPair.VersionMode.CURRENT, Optional.empty(), Optional.empty(),
                    NonEmptyTargetPolicy.REFUSE, CatchUp.NONE, false,
                    new PairLocation(at, at + "/buckets/from", at + "/buckets/to")));
        }
        List<TablePair> tables = new ArrayList<>();
        JsonNode tableNodes = root.path("VAMS_DynamoDBTable_Mapping");
        for (int i = 0; i < tableNodes.size(); i++) {
            JsonNode node = tableNodes.get(i);
            String at = "/VAMS_DynamoDBTable_Mapping/" + i;
            tables.add(new TablePair(node.path("tableDescriptor").asText(),
                    node.path("tables").path("from").asText(), node.path("tables").path("to").asText(),
                    renames(node.path("attributes"), at + "/attributes", problems),
                    NonEmptyTargetPolicy.REFUSE, List.of(), Optional.empty(), CatchUp.NONE, false,
                    new PairLocation(at, at + "/tables/from", at + "/tables/to")));
        }
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        return new MigrationSchema(file, SchemaFormat.VAMS, name, source, target, buckets, tables, List.of(),
                MigrationOptions.defaults());
    }

    /** Reports a name a second entry uses again, at that entry's pointer; true when it did. */
    private static boolean twice(java.util.Map<String, String> seen, String name, String pointer, boolean asTarget,
                                 ProblemCollector problems) {
        String first = seen.putIfAbsent(name, pointer);
        if (first == null) {
            return false;
        }
        problems.error(pointer, "'" + name + "' is already " + (asTarget ? "the new name in " : "renamed by ") + first
                        + (asTarget ? ": two renames into one name overwrite each other and lose one attribute's values"
                                : ": an attribute can be renamed once; the second rename would find nothing to move"),
                "keep one entry per attribute" + (asTarget ? ", each with its own \"to\"" : ""));
        return true;
    }

    private static List<Transform> renames(JsonNode attributes, String at, ProblemCollector problems) {
        List<Transform> transforms = new ArrayList<>();
        java.util.Map<String, String> fromAt = new java.util.HashMap<>();
        java.util.Map<String, String> toAt = new java.util.HashMap<>();
        for (int j = 0; j < attributes.size(); j++) {
            String from = attributes.get(j).path("from").asText();
            String to = attributes.get(j).path("to").asText();
            String pointer = at + "/" + j;
            if (from.isEmpty() && to.isEmpty()) {
                continue;
            }
            if (from.isEmpty() || to.isEmpty()) {
                String missing = from.isEmpty() ? "from" : "to";
                problems.error(pointer + "/" + missing, "a rename needs both names; '" + missing + "' is empty",
                        "fill in \"" + missing + "\", or leave both \"from\" and \"to\" empty for no mapping");
                continue;
            }
            if (twice(fromAt, from, pointer + "/from", false, problems) | twice(toAt, to, pointer + "/to", true, problems)) {
                continue;
            }
            try {
                transforms.add(new Transform.Rename(AttributePath.parse(from), AttributePath.parse(to), pointer));
            } catch (IllegalArgumentException e) {
                problems.error(pointer, e.getMessage(), "write a path such as name, a.b or list[0].c");
            }
        }
        return transforms;
    }
}
