package dev.migrator.schema;

import dev.migrator.transform.AttributePath;
import dev.migrator.transform.Transform;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Finds transforms of one table that silently destroy an earlier transform's result: a later transform
 * writes (or removes) a path an earlier one wrote, and nothing between them read it. Two renames into one
 * name are the classic case: the first rename's value is lost. Reported at the later transform's pointer.
 */
final class TransformConflicts {
    private TransformConflicts() {}

    /** A path some transform wrote, by whom, and whether a later transform has read it since. */
    private static final class Write {
        final AttributePath path;
        final String pointer;
        boolean read;

        Write(AttributePath path, String pointer) {
            this.path = path;
            this.pointer = pointer;
        }
    }

    static void check(List<Transform> transforms, ProblemCollector problems) {
        List<Write> writes = new ArrayList<>();
        for (Transform t : transforms) {
            for (AttributePath read : reads(t)) {
                writes.stream().filter(w -> overlap(w.path, read)).forEach(w -> w.read = true);
            }
            AttributePath written = written(t);
            for (Iterator<Write> it = writes.iterator(); it.hasNext(); ) {
                Write earlier = it.next();
                if (!within(written, earlier.path)) {
                    continue;
                }
                if (!earlier.read) {
                    problems.error(t.pointer(), "'" + written + "' " + (t instanceof Transform.Remove ? "is removed" : "is overwritten")
                            + " here, but " + earlier.pointer + " wrote '" + earlier.path + "' and nothing read it since: "
                            + "that value would be lost", "give one of them another target path, or drop the earlier one");
                }
                it.remove();
            }
            if (!(t instanceof Transform.Remove)) {
                writes.add(new Write(written, t.pointer()));
            }
        }
    }

    /** The path a transform writes (for a remove, the path it deletes). */
    private static AttributePath written(Transform t) {
        if (t instanceof Transform.Rename r) {
            return r.to();
        }
        if (t instanceof Transform.Copy c) {
            return c.to();
        }
        if (t instanceof Transform.Remove r) {
            return r.path();
        }
        if (t instanceof Transform.SetValue s) {
            return s.path();
        }
        if (t instanceof Transform.Format f) {
            return f.path();
        }
        if (t instanceof Transform.Coalesce c) {
            return c.path();
        }
        return ((Transform.MapValue) t).path();
    }

    /** The paths a transform reads before it writes. */
    private static List<AttributePath> reads(Transform t) {
        if (t instanceof Transform.Rename r) {
            return List.of(r.from());
        }
        if (t instanceof Transform.Copy c) {
            return List.of(c.from());
        }
        if (t instanceof Transform.Coalesce c) {
            return c.from();
        }
        if (t instanceof Transform.MapValue m) {
            return List.of(m.path());
        }
        if (t instanceof Transform.Format f) {
            List<AttributePath> read = new ArrayList<>();
            for (String name : f.template().placeholderNames()) {
                if (!f.values().containsKey(name)) {
                    read.add(AttributePath.parse(name));
                }
            }
            return read;
        }
        return List.of();
    }

    /** One path lies inside (or is) the other. */
    private static boolean overlap(AttributePath a, AttributePath b) {
        return within(a, b) || within(b, a);
    }

    /** {@code inner} is {@code outer} or lies inside it. */
    private static boolean within(AttributePath outer, AttributePath inner) {
        if (outer.segments().size() > inner.segments().size()) {
            return false;
        }
        for (int i = 0; i < outer.segments().size(); i++) {
            AttributePath.Segment a = outer.segments().get(i);
            AttributePath.Segment b = inner.segments().get(i);
            boolean anyElement = a instanceof AttributePath.AllElements || b instanceof AttributePath.AllElements;
            if (!a.equals(b) && !(anyElement && !(a instanceof AttributePath.Name) && !(b instanceof AttributePath.Name))) {
                return false;
            }
        }
        return true;
    }
}
