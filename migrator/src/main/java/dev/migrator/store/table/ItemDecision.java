package dev.migrator.store.table;

import dev.migrator.model.NonEmptyTargetPolicy;

/** What to do with one (transformed) source item given whether the target holds its key. */
enum ItemDecision {
    /** PutItem: the item is new, or replaces the target's (puts are idempotent, so a rerun writes it again). */
    WRITE,
    /** The target's item is kept (skip-existing). */
    SKIP;

    /** Pure: only skip-existing keeps an item the target holds; every other case writes. */
    static ItemDecision decide(boolean inTarget, NonEmptyTargetPolicy policy) {
        return inTarget && policy == NonEmptyTargetPolicy.SKIP_EXISTING ? SKIP : WRITE;
    }
}
