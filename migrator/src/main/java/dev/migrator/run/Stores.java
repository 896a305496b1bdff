package dev.migrator.run;

import dev.migrator.engine.StepId;
import dev.migrator.engine.StoreModule;
import dev.migrator.store.bucket.BucketModule;
import dev.migrator.store.redis.RedisModule;
import dev.migrator.store.table.TableModule;
import dev.migrator.store.userpool.UserPoolModule;
import java.util.List;
import java.util.Optional;

/**
 * The stores a run knows, in the order their steps run. {@link #BUILT_IN} is the only place that names a
 * store, one line each: user pools first (tables map their subs), then buckets (tables map their version
 * ids), then tables, then Redis databases.
 */
public record Stores(List<StoreModule> modules) {
    public static final Stores BUILT_IN = new Stores(List.of(
            new UserPoolModule(),
            new BucketModule(),
            new TableModule(),
            new RedisModule()));

    public Stores {
        modules = List.copyOf(modules);
    }

    /** These stores and {@code more} after them. */
    public Stores with(StoreModule... more) {
        List<StoreModule> all = new java.util.ArrayList<>(modules);
        all.addAll(List.of(more));
        return new Stores(all);
    }

    public Optional<StoreModule> of(StepId.Kind kind) {
        return modules.stream().filter(m -> m.kind().equals(kind)).findFirst();
    }
}
