package dev.migrator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds template placeholders left in a file ({@code S3Bucket_OldStack_Name}, {@code <target-bucket>},
 * {@code REPLACE_ME}, ...) and reports each as "not filled in" at its pointer.
 */
public final class PlaceholderCheck {
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "^(S3Bucket|DynamoDBTable|CognitoUserPool|UserPool)_(Old|New)Stack_(Name|Id)$"
                    + "|^<[^<>]+>$|(?i:replace[_-]?me|change[_-]?me|fill[_-]?me[_-]?in)");

    /** Reports every placeholder and returns their pointers, so later checks can leave them alone. */
    public Set<String> check(JsonNode document, ProblemCollector problems) {
        Set<String> found = new HashSet<>();
        walk(document, "", problems, found);
        return found;
    }

    public static boolean isPlaceholder(String value) {
        return PLACEHOLDER.matcher(value).find();
    }

    private static void walk(JsonNode node, String pointer, ProblemCollector problems, Set<String> found) {
        if (node.isTextual() && isPlaceholder(node.textValue())) {
            found.add(pointer);
            problems.error(pointer, "not filled in: '" + node.textValue() + "' is the template's placeholder",
                    "replace it with the real " + whatGoesHere(node.textValue(), pointer));
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                walk(field.getValue(), pointer + "/" + SourceLocations.escape(field.getKey()), problems, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, problems, found);
            }
        }
    }

    private static String whatGoesHere(String value, String pointer) {
        String stack = value.contains("Old") || pointer.endsWith("/from") || pointer.endsWith("/source")
                ? "Stack A (source)" : "Stack B (target)";
        if (pointer.contains("/seededKeys/")) {
            return "key value of an item Stack B seeds at deploy time (the attribute's value as the table holds it)";
        }
        String kind = resourceKind(value, pointer);
        return switch (kind) {
            case "bucket" -> "bucket name of " + stack + " (the CloudFormation output or 'aws s3 ls')";
            case "table" -> "table name of " + stack + " ('aws dynamodb list-tables')";
            case "pool" -> "user pool id of " + stack + " ('aws cognito-idp list-user-pools --max-results 60')";
            default -> "value for this field";
        };
    }

    /** What a placeholder stands for: the resource its pair names (by where it is), else what its own text says. */
    private static String resourceKind(String value, String pointer) {
        String side = "(/buckets|/tables)?/(source|target|from|to)$";
        if (pointer.matches("^/(buckets|VAMS_S3Bucket_Mapping)/\\d+" + side)) {
            return "bucket";
        }
        if (pointer.matches("^/(tables|VAMS_DynamoDBTable_Mapping)/\\d+" + side)) {
            return "table";
        }
        if (pointer.matches("^/userPools/\\d+" + side)) {
            return "pool";
        }
        if (value.startsWith("S3Bucket")) {
            return "bucket";
        }
        if (value.startsWith("DynamoDBTable")) {
            return "table";
        }
        return value.contains("UserPool") ? "pool" : "";
    }
}
