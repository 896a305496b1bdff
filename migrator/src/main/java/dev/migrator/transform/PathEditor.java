package dev.migrator.transform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads and rewrites values at an {@link AttributePath} inside an item. Items and values are
 * immutable, so an edit rebuilds the maps and lists on the way down and leaves the rest shared.
 */
final class PathEditor {
    private PathEditor() {}

    /** Every value the path reaches ({@code [*]} may reach several); missing steps reach nothing. */
    static List<AttributeValue> read(Map<String, AttributeValue> item, AttributePath path) {
        List<AttributeValue> found = new ArrayList<>();
        collect(AttributeValue.fromM(item), path.segments(), 0, found);
        return found;
    }

    /** The single value at a path without wildcards, or null. */
    static AttributeValue readOne(Map<String, AttributeValue> item, AttributePath path) {
        List<AttributeValue> values = read(item, path);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * Applies {@code edit} at the path: it receives the current value (null if absent) and returns the
     * new one, or null to remove it. Missing maps on the way are created for names; a missing list
     * element is an error.
     */
    static Map<String, AttributeValue> edit(Map<String, AttributeValue> item, AttributePath path,
                                            UnaryOperator<AttributeValue> edit) throws TransformFailure {
        AttributeValue result = edit(AttributeValue.fromM(item), path, 0, edit);
        return result.m();
    }

    private static void collect(AttributeValue current, List<AttributePath.Segment> segments, int i, List<AttributeValue> out) {
        if (current == null) {
            return;
        }
        if (i == segments.size()) {
            out.add(current);
            return;
        }
        AttributePath.Segment s = segments.get(i);
        if (s instanceof AttributePath.Name n && current.hasM()) {
            collect(current.m().get(n.name()), segments, i + 1, out);
        } else if (s instanceof AttributePath.Index x && current.hasL() && x.index() < current.l().size()) {
            collect(current.l().get(x.index()), segments, i + 1, out);
        } else if (s instanceof AttributePath.AllElements && current.hasL()) {
            current.l().forEach(e -> collect(e, segments, i + 1, out));
        }
    }

    private static AttributeValue edit(AttributeValue current, AttributePath path, int i, UnaryOperator<AttributeValue> edit)
            throws TransformFailure {
        if (i == path.segments().size()) {
            return edit.apply(current);
        }
        AttributePath.Segment s = path.segments().get(i);
        if (s instanceof AttributePath.Name n) {
            if (current != null && !current.hasM()) {
                throw new TransformFailure("'" + path + "': not a map at '" + n.name() + "'");
            }
            Map<String, AttributeValue> map = current == null ? new HashMap<>() : new HashMap<>(current.m());
            AttributeValue child = edit(map.get(n.name()), path, i + 1, edit);
            if (child == null) {
                if (current == null) {
                    return null; // nothing was there and nothing is written: create no empty maps
                }
                map.remove(n.name());
            } else {
                map.put(n.name(), child);
            }
            return AttributeValue.fromM(map);
        }
        if (current == null || !current.hasL()) {
            if (current == null) {
                return null;
            }
            throw new TransformFailure("'" + path + "': not a list where an index is given");
        }
        List<AttributeValue> list = new ArrayList<>(current.l());
        if (s instanceof AttributePath.Index x) {
            if (x.index() >= list.size()) {
                return current;
            }
            replace(list, x.index(), edit(list.get(x.index()), path, i + 1, edit));
        } else {
            for (int j = list.size() - 1; j >= 0; j--) {
                replace(list, j, edit(list.get(j), path, i + 1, edit));
            }
        }
        return AttributeValue.fromL(list);
    }

    private static void replace(List<AttributeValue> list, int index, AttributeValue value) {
        if (value == null) {
            list.remove(index);
        } else {
            list.set(index, value);
        }
    }
}
