package dev.migrator.run;

import dev.migrator.engine.Plan;
import dev.migrator.engine.Step;
import dev.migrator.engine.StoreModule;
import dev.migrator.model.MigrationSchema;
import java.util.ArrayList;
import java.util.List;

/** Turns a schema into steps: each store module's steps, in the order {@link Stores} lists the modules. */
public final class Planner {
    private final List<StoreModule> modules;

    public Planner(List<StoreModule> modules) {
        this.modules = List.copyOf(modules);
    }

    public Plan plan(MigrationSchema schema, StoreModule.Stacks stacks) {
        List<Step> steps = new ArrayList<>();
        for (StoreModule module : modules) {
            steps.addAll(module.steps(schema, stacks));
        }
        return new Plan(schema, steps);
    }
}
