package dev.migrator.store.table;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Whether a transformed item carries the target's key attributes with their declared types. */
record KeyCheck(List<TableInfo.KeyAttribute> keySchema) {

    /** Null if the key is valid, else why not. */
    String problem(Map<String, AttributeValue> item) {
        for (TableInfo.KeyAttribute key : keySchema) {
            AttributeValue v = item.get(key.name());
            if (v == null) {
                return "key attribute '" + key.name() + "' is missing after the transforms";
            }
            boolean ok = switch (key.type()) {
                case "S" -> v.s() != null && !v.s().isEmpty();
                case "N" -> v.n() != null;
                case "B" -> v.b() != null && v.b().asByteArray().length > 0;
                default -> false;
            };
            if (!ok) {
                return "key attribute '" + key.name() + "' must be a non-empty " + key.type() + " but is " + v.type();
            }
        }
        return null;
    }

    Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new java.util.HashMap<>();
        keySchema.forEach(k -> key.put(k.name(), item.get(k.name())));
        return key;
    }
}
