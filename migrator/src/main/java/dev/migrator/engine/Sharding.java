package dev.migrator.engine;

import java.util.List;
import java.util.Set;

/**
 * Which steps of a plan this shard works on, and how: a splittable step is sliced over every shard; any other
 * step runs whole in shard 0 and not at all elsewhere. A step that reads another's map waits, in every shard, until
 * every shard that writes a part of that map has finished, and reads the map merged into {@code mapsLayout} (the
 * schema's own state directory, where a later {@code verify} finds it too).
 */
public record Sharding(Shard shard, Set<StepId> sliced, Set<StepId> whole, java.util.Optional<dev.migrator.support.RunLayout> mapsLayout) {
    public static final Sharding NONE = new Sharding(Shard.WHOLE, Set.of(), Set.of(), java.util.Optional.empty());

    public static Sharding of(Shard shard, List<? extends Step> steps) {
        return of(shard, steps, java.util.Optional.empty());
    }

    /** With the layout whose maps directory the merged maps go to. */
    public static Sharding of(Shard shard, List<? extends Step> steps, java.util.Optional<dev.migrator.support.RunLayout> mapsLayout) {
        if (shard.whole()) {
            return NONE;
        }
        Set<StepId> sliced = new java.util.HashSet<>();
        Set<StepId> whole = new java.util.HashSet<>();
        for (Step step : steps) {
            if (step instanceof Splittable s && s.splittable()) {
                sliced.add(step.id());
            } else if (shard.index() == 0) {
                whole.add(step.id());
            }
        }
        return new Sharding(shard, Set.copyOf(sliced), Set.copyOf(whole), mapsLayout);
    }

    /** The shards that run a part of {@code step} (all of them for a sliced step, shard 0 for a whole one). */
    public List<Integer> shardsRunning(StepId step) {
        return sliced.contains(step) ? java.util.stream.IntStream.range(0, shard.count()).boxed().toList() : List.of(0);
    }

    /** Whether this shard works on {@code step} at all. */
    public boolean runs(Step step) {
        return shard.whole() || sliced.contains(step.id()) || whole.contains(step.id());
    }

    /** The slice of {@code step} this shard copies: the shard itself, or {@link Shard#WHOLE}. */
    public Shard sliceOf(StepId step) {
        return sliced.contains(step) ? shard : Shard.WHOLE;
    }
}
