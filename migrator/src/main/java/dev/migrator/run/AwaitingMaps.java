package dev.migrator.run;

import dev.migrator.engine.Preflight;
import dev.migrator.engine.Step;
import dev.migrator.engine.StepContext;
import dev.migrator.engine.StepId;
import dev.migrator.engine.StepResult;
import dev.migrator.engine.Verification;
import java.io.IOException;
import java.util.Set;

/** A step of a sharded run that reads maps: its copy starts once {@link ShardMaps} has every shard's part merged. */
record AwaitingMaps(Step step, ShardMaps maps) implements Step {

    @Override
    public StepId id() {
        return step.id();
    }

    @Override
    public Preflight preflight() {
        return step.preflight();
    }

    @Override
    public StepResult copy(StepContext context) {
        try {
            maps.awaitAndMerge(step);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StepResult.NotRun(step.id(), "interrupted while waiting for the maps of other shards");
        } catch (IOException e) {
            return new StepResult.Failed(step.id(), "cannot merge the maps of the shards: " + e.getMessage(), StepResult.Counters.ZERO,
                    java.time.Duration.ZERO);
        }
        return step.copy(context);
    }

    @Override
    public Verification verify(StepContext context, double sampleRate) {
        return step.verify(context, sampleRate);
    }

    @Override
    public Set<String> writesMaps() {
        return step.writesMaps();
    }

    @Override
    public Set<String> readsMaps() {
        return step.readsMaps();
    }
}
