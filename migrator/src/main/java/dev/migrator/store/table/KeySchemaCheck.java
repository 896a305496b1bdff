package dev.migrator.store.table;

import dev.migrator.model.TablePair;
import dev.migrator.engine.Finding;
import dev.migrator.transform.AttributePath;
import dev.migrator.transform.Transform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that items, after the pair's transforms, carry the target's key attributes with the right
 * types. Top-level renames and copies carry a source key's type along; a set, format or coalesce
 * that writes a key attribute is trusted to produce it (the item is dead-lettered at run time if not).
 */
final class KeySchemaCheck {
    private final TablePair pair;

    KeySchemaCheck(TablePair pair) {
        this.pair = pair;
    }

    List<Finding> compare(TableInfo source, TableInfo target) {
        Map<String, String> typed = new LinkedHashMap<>();
        source.keySchema().forEach(k -> typed.put(k.name(), k.type()));
        List<String> written = new ArrayList<>();
        for (Transform t : pair.transforms()) {
            applyToNames(t, typed, written);
        }
        List<Finding> findings = new ArrayList<>();
        for (TableInfo.KeyAttribute key : target.keySchema()) {
            String type = typed.get(key.name());
            if (type == null && !written.contains(key.name())) {
                findings.add(Finding.error("target key attribute " + key + " of " + target.name()
                                + " is not produced: the source key is " + source.keySchema(),
                        "add a transform to " + pair.at().pair() + "/transforms that writes '" + key.name()
                                + "', or fix the table names"));
            } else if (type != null && !type.equals(key.type())) {
                findings.add(Finding.error("key attribute '" + key.name() + "' is " + type + " in the source but "
                        + key.type() + " in the target table " + target.name(), "the tables' key types must agree"));
            }
        }
        return findings;
    }

    private static void applyToNames(Transform t, Map<String, String> typed, List<String> written) {
        if (t instanceof Transform.Rename r && r.from().isTopLevelName() && typed.containsKey(r.from().topLevelName())
                && r.to().isTopLevelName()) {
            typed.put(r.to().topLevelName(), typed.remove(r.from().topLevelName()));
        } else if (t instanceof Transform.Copy c && c.from().isTopLevelName() && typed.containsKey(c.from().topLevelName())
                && c.to().isTopLevelName()) {
            typed.put(c.to().topLevelName(), typed.get(c.from().topLevelName()));
        } else if (t instanceof Transform.Remove r && r.path().isTopLevelName()) {
            typed.remove(r.path().topLevelName());
        } else {
            topLevelTarget(t).ifPresent(path -> {
                typed.remove(path.topLevelName());
                written.add(path.topLevelName());
            });
        }
    }

    /** The top-level attribute a transform writes from a non-key value (trusted, checked per item at run time); maps keep name and type. */
    private static java.util.Optional<AttributePath> topLevelTarget(Transform t) {
        AttributePath path = null;
        if (t instanceof Transform.Rename r) {
            path = r.to();
        } else if (t instanceof Transform.Copy c) {
            path = c.to();
        } else if (t instanceof Transform.SetValue s) {
            path = s.path();
        } else if (t instanceof Transform.Format f) {
            path = f.path();
        } else if (t instanceof Transform.Coalesce c) {
            path = c.path();
        }
        return path != null && path.isTopLevelName() ? java.util.Optional.of(path) : java.util.Optional.empty();
    }
}
