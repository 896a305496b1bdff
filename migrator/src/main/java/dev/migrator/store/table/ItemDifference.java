package dev.migrator.store.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which attributes of two items differ, by name and type only: values may be personal data and never
 * go into a report. Example: {@code "size (N) differs; owner (S) only in the source; tags: SS became L"}.
 */
final class ItemDifference {
    private ItemDifference() {}

    static String describe(Map<String, AttributeValue> expected, Map<String, AttributeValue> actual) {
        return describe(ItemShape.of(expected), ItemShape.of(actual));
    }

    static String describe(ItemShape expected, ItemShape actual) {
        List<String> parts = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(expected.attributes().keySet());
        names.addAll(actual.attributes().keySet());
        for (String name : names) {
            ItemShape.Attribute want = expected.attributes().get(name);
            ItemShape.Attribute got = actual.attributes().get(name);
            if (got == null) {
                parts.add(name + " (" + want.type() + ") only in the source");
            } else if (want == null) {
                parts.add(name + " (" + got.type() + ") only in the target");
            } else if (!want.type().equals(got.type())) {
                parts.add(name + ": " + want.type() + " became " + got.type());
            } else if (want.valueHash() != got.valueHash()) {
                parts.add(name + " (" + want.type() + ") differs");
            }
        }
        return parts.isEmpty() ? "attributes differ" : String.join("; ", parts);
    }
}
