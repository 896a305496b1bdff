package dev.migrator.run;

import dev.migrator.engine.StepId;
import dev.migrator.engine.StoreModule;
import dev.migrator.store.bucket.BucketModule;
import dev.migrator.store.table.TableModule;
import dev.migrator.store.userpool.UserPoolModule;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The stores migrator knows, one line each, in the order their steps run: user pools first (tables map
 * their subs), then buckets (tables map their version ids), then tables. The only place that names a store.
 */
public final class Stores {
    private static final List<StoreModule> MODULES = List.of(
            new UserPoolModule(),
            new BucketModule(),
            new TableModule());

    private Stores() {}

    public static List<StoreModule> all() {
        return MODULES;
    }

    public static StoreModule of(StepId.Kind kind) {
        return MODULES.stream().filter(m -> m.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no store module for " + kind.name()));
    }
}
