package dev.migrator.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Contenders compared in rounds ({@code --rounds N}), the order turned round each round (ABC, CBA, ABC, ...): on this
 * shared machine runs got faster over the first few (13.2, 12.2, 11.3, 9.4, 9.6, 9.3 s, the same two bucket copies
 * alternating), which one round in a fixed order charges to whichever runs first, and one run of a contender can be
 * 20% off the next. With one round each contender runs once under its own name; with more, each round's figures
 * ("round R: NAME", into TARGET-R) and then each contender pooled over its rounds ("NAME (N rounds)": total units over
 * total seconds, CPU summed), which {@link Figures#find} picks for the goals (no round's name starts with a contender's).
 */
final class Rounds {
    private Rounds() {}

    /** How a contender copies into {@code target}, reported under {@code name}. */
    interface Run {
        Contender run(String target, String name) throws Exception;
    }

    /** One contender: the target name {@code --only} knows it by, its name in the tables, the units it copies. */
    record Entry(String target, String name, long units, Run run) {}

    static List<Contender> run(int rounds, Set<String> only, Targets targets, List<Entry> entries) throws Exception {
        List<Contender> results = new ArrayList<>();
        Map<String, List<Contender>> byName = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            List<Entry> order = new ArrayList<>(entries);
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (Entry entry : order) {
                String target = rounds == 1 ? entry.target() : entry.target() + "-" + round;
                String name = rounds == 1 ? entry.name() : "round " + round + ": " + entry.name();
                Set<String> selected = only.contains(entry.target()) ? Set.of(target) : only;
                Contender c = targets.into(selected, target, entry.units(), () -> entry.run().run(target, name));
                if (c != null) {
                    results.add(c);
                    byName.computeIfAbsent(entry.name(), k -> new ArrayList<>()).add(c);
                }
            }
        }
        if (rounds > 1) {
            byName.forEach((name, all) -> results.add(Contender.pooled(name + " (" + all.size() + " rounds)", all)));
        }
        return results;
    }
}
