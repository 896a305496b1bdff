package dev.migrator.transform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Applies a table's transforms, in order, to one item. Types are kept exactly: values move as they
 * are; only {@code format} produces a new string and {@code map} rewrites strings (and string sets).
 */
public final class ItemTransformer {
    private final List<Operation> operations;

    private interface Operation {
        Map<String, AttributeValue> apply(Map<String, AttributeValue> item) throws TransformFailure;
    }

    private ItemTransformer(List<Operation> operations) {
        this.operations = operations;
    }

    public static ItemTransformer identity() {
        return new ItemTransformer(List.of());
    }

    /** Compiles the transforms, loading their maps once. */
    public static ItemTransformer compile(List<Transform> transforms, ValueMaps maps) throws IOException {
        List<Operation> operations = new ArrayList<>();
        for (Transform t : transforms) {
            operations.add(compile(t, maps));
        }
        return new ItemTransformer(operations);
    }

    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) throws TransformFailure {
        Map<String, AttributeValue> current = item;
        for (Operation op : operations) {
            current = op.apply(current);
        }
        return current;
    }

    private static Operation compile(Transform t, ValueMaps maps) throws IOException {
        if (t instanceof Transform.Rename r) {
            return item -> {
                AttributeValue v = PathEditor.readOne(item, r.from());
                return v == null ? item : PathEditor.edit(PathEditor.edit(item, r.from(), x -> null), r.to(), x -> v);
            };
        }
        if (t instanceof Transform.Copy c) {
            return item -> {
                AttributeValue v = PathEditor.readOne(item, c.from());
                return v == null ? item : PathEditor.edit(item, c.to(), x -> v);
            };
        }
        if (t instanceof Transform.Remove r) {
            return item -> PathEditor.edit(item, r.path(), x -> null);
        }
        if (t instanceof Transform.SetValue s) {
            AttributeValue value = DynamoJson.value(s.value());
            return item -> PathEditor.edit(item, s.path(), x -> value);
        }
        if (t instanceof Transform.Coalesce c) {
            AttributeValue fallback = c.defaultValue().map(DynamoJson::value).orElse(null);
            return item -> {
                for (AttributePath from : c.from()) {
                    AttributeValue v = PathEditor.readOne(item, from);
                    if (v != null && !Boolean.TRUE.equals(v.nul())) {
                        return PathEditor.edit(item, c.path(), x -> v);
                    }
                }
                return fallback == null ? item : PathEditor.edit(item, c.path(), x -> fallback);
            };
        }
        if (t instanceof Transform.Format f) {
            return item -> {
                AttributeValue rendered = AttributeValue.fromS(render(f, item));
                return PathEditor.edit(item, f.path(), x -> rendered);
            };
        }
        Transform.MapValue m = (Transform.MapValue) t;
        return new MapOperation(m, maps.load(m.using()))::apply;
    }

    private static String render(Transform.Format f, Map<String, AttributeValue> item) throws TransformFailure {
        StringBuilder out = new StringBuilder();
        for (FormatTemplate.Part part : f.template().parts()) {
            if (part instanceof FormatTemplate.Literal l) {
                out.append(l.text());
                continue;
            }
            String name = ((FormatTemplate.Placeholder) part).name();
            String declared = f.values().get(name);
            if (declared != null) {
                out.append(declared);
                continue;
            }
            AttributeValue v = PathEditor.readOne(item, AttributePath.parse(name));
            if (v == null || (v.s() == null && v.n() == null)) {
                throw new TransformFailure("format " + f.pointer() + ": {" + name + "} has no string or number value in this item");
            }
            out.append(v.s() != null ? v.s() : v.n());
        }
        return out.toString();
    }

    /** Rewrites strings (and the strings of string sets) through an old-to-new map. */
    private record MapOperation(Transform.MapValue transform, Map<String, String> map) {
        Map<String, AttributeValue> apply(Map<String, AttributeValue> item) throws TransformFailure {
            List<String> missing = new ArrayList<>();
            Map<String, AttributeValue> result = PathEditor.edit(item, transform.path(), v -> rewrite(v, missing));
            if (!missing.isEmpty() && transform.onMissing() == Transform.OnMissing.FAIL) {
                throw new TransformFailure("map " + transform.pointer() + ": no new value for " + missing + " in "
                        + transform.using());
            }
            return result;
        }

        private AttributeValue rewrite(AttributeValue v, List<String> missing) {
            if (v == null) {
                return null;
            }
            if (v.s() != null) {
                String mapped = map.get(v.s());
                if (mapped != null) {
                    return AttributeValue.fromS(mapped);
                }
                missing.add(v.s());
                return transform.onMissing() == Transform.OnMissing.REMOVE ? null : v;
            }
            if (v.hasSs()) {
                return AttributeValue.fromSs(v.ss().stream().map(s -> {
                    String mapped = map.get(s);
                    if (mapped == null) {
                        missing.add(s);
                    }
                    return mapped == null ? s : mapped;
                }).distinct().collect(Collectors.toList()));
            }
            return v;
        }
    }
}
