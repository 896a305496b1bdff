package dev.migrator.engine;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which steps of a plan this shard works on, and how: a splittable step is sliced over every shard; any other
 * step, and any step that writes a map another step reads or reads one (they must see the whole map), runs whole
 * in shard 0 and not at all elsewhere.
 */
public record Sharding(Shard shard, Set<StepId> sliced, Set<StepId> whole) {
    public static final Sharding NONE = new Sharding(Shard.WHOLE, Set.of(), Set.of());

    public static Sharding of(Shard shard, List<? extends Step> steps) {
        if (shard.whole()) {
            return NONE;
        }
        Set<String> read = steps.stream().flatMap(s -> s.readsMaps().stream()).collect(Collectors.toSet());
        Set<StepId> sliced = new java.util.HashSet<>();
        Set<StepId> whole = new java.util.HashSet<>();
        for (Step step : steps) {
            boolean linked = !step.readsMaps().isEmpty() || step.writesMaps().stream().anyMatch(read::contains);
            if (step instanceof Splittable s && s.splittable() && !linked) {
                sliced.add(step.id());
            } else if (shard.index() == 0) {
                whole.add(step.id());
            }
        }
        return new Sharding(shard, Set.copyOf(sliced), Set.copyOf(whole));
    }

    /** Whether this shard works on {@code step} at all. */
    public boolean runs(Step step) {
        return shard.whole() || sliced.contains(step.id()) || whole.contains(step.id());
    }

    /** The slice of {@code step} this shard copies: the shard itself, or {@link Shard#WHOLE}. */
    public Shard sliceOf(StepId step) {
        return sliced.contains(step) ? shard : Shard.WHOLE;
    }

    /** One line for the console: what this shard does. */
    public String describe() {
        return shard + ": " + (sliced.isEmpty() ? "no slices" : "a slice of " + names(sliced))
                + (whole.isEmpty() ? "" : "; whole: " + names(whole));
    }

    private static String names(Set<StepId> ids) {
        return ids.stream().map(StepId::toString).collect(Collectors.toCollection(TreeSet::new)).toString();
    }
}
