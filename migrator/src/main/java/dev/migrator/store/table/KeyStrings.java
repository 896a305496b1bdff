package dev.migrator.store.table;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The printable form of an item's key: name to value, binary as base64. */
public final class KeyStrings {
    private KeyStrings() {}

    public static Map<String, String> of(Map<String, AttributeValue> item, List<String> keyAttributes) {
        Map<String, String> key = new LinkedHashMap<>();
        for (String name : keyAttributes) {
            AttributeValue v = item.get(name);
            key.put(name, v == null ? "(missing)" : scalar(v));
        }
        return key;
    }

    static String scalar(AttributeValue v) {
        if (v.s() != null) {
            return v.s();
        }
        if (v.n() != null) {
            return v.n();
        }
        if (v.b() != null) {
            return Base64.getEncoder().encodeToString(v.b().asByteArray());
        }
        return v.toString();
    }
}
