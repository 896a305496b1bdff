package dev.migrator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Checks a value written in DynamoDB JSON ({@code {"S": "x"}}, {@code {"M": {...}}}) deeply. */
final class DynamoJsonCheck {
    private DynamoJsonCheck() {}

    /** {@code null} when the value is well-formed, else what is wrong. */
    static String problem(JsonNode value) {
        if (value == null || !value.isObject() || value.size() != 1) {
            return "a value is an object with exactly one type key (S, N, B, BOOL, NULL, M, L, SS, NS, BS)";
        }
        Map.Entry<String, JsonNode> entry = value.fields().next();
        JsonNode v = entry.getValue();
        return switch (entry.getKey()) {
            case "S" -> v.isTextual() ? null : "S holds a string";
            case "N" -> number(v);
            case "B" -> binary(v);
            case "BOOL" -> v.isBoolean() ? null : "BOOL holds true or false";
            case "NULL" -> v.isBoolean() && v.booleanValue() ? null : "NULL holds true";
            case "M" -> map(v);
            case "L" -> list(v);
            case "SS", "NS", "BS" -> set(entry.getKey(), v);
            default -> "unknown type key '" + entry.getKey() + "'";
        };
    }

    private static String number(JsonNode v) {
        if (!v.isTextual()) {
            return "N holds its number as a string, e.g. {\"N\": \"42\"}";
        }
        try {
            BigDecimal n = new BigDecimal(v.textValue());
            return n.stripTrailingZeros().precision() > 38 ? "a DynamoDB number has at most 38 significant digits" : null;
        } catch (NumberFormatException e) {
            return "'" + v.textValue() + "' is not a number";
        }
    }

    private static String binary(JsonNode v) {
        if (!v.isTextual()) {
            return "B holds base64 text";
        }
        try {
            Base64.getDecoder().decode(v.textValue());
            return null;
        } catch (IllegalArgumentException e) {
            return "B is not valid base64";
        }
    }

    private static String map(JsonNode v) {
        if (!v.isObject()) {
            return "M holds an object of name to value";
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String inner = problem(e.getValue());
            if (inner != null) {
                return "in M." + e.getKey() + ": " + inner;
            }
        }
        return null;
    }

    private static String list(JsonNode v) {
        if (!v.isArray()) {
            return "L holds an array of values";
        }
        for (int i = 0; i < v.size(); i++) {
            String inner = problem(v.get(i));
            if (inner != null) {
                return "in L[" + i + "]: " + inner;
            }
        }
        return null;
    }

    private static String set(String type, JsonNode v) {
        if (!v.isArray() || v.isEmpty()) {
            return type + " holds a non-empty array (DynamoDB has no empty sets)";
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode element : v) {
            String inner = problem(element.isTextual() ? wrap(type, element) : null);
            if (inner != null) {
                return "in " + type + ": " + inner;
            }
            if (!seen.add(element.textValue())) {
                return type + " holds '" + element.textValue() + "' twice; set elements are unique";
            }
        }
        return null;
    }

    private static JsonNode wrap(String setType, JsonNode element) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .set(setType.substring(0, 1), element);
    }
}
