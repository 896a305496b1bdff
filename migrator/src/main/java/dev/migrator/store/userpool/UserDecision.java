package dev.migrator.store.userpool;

import dev.migrator.model.UserPoolPair;

/** What to do with a source user whose username the target pool already holds, and why. */
record UserDecision(Action action, String reason) {

    enum Action {
        /** This migration copied the user before (its sub is mapped): nothing to do. */
        SKIP_COPIED,
        /** An interrupted run created the user but may not have finished it: attributes and password again. */
        FINISH,
        /** Stack B's own user, kept as it is (existingUsers: skip); its sub is mapped. */
        KEEP,
        /** Stack B's own or an earlier copy, updated with the source's attributes (existingUsers: update). */
        UPDATE
    }

    /**
     * Pure: a user copied before is skipped where the pair skips existing users; one an interrupted run created
     * (and did not map) is finished; otherwise the pair's policy decides between keeping and updating.
     */
    static UserDecision decide(boolean copiedBefore, boolean createdByEarlierRun, UserPoolPair.ExistingUserPolicy policy) {
        boolean skip = policy == UserPoolPair.ExistingUserPolicy.SKIP;
        if (copiedBefore && skip) {
            return new UserDecision(Action.SKIP_COPIED, "copied by an earlier run");
        }
        if (!copiedBefore && createdByEarlierRun) {
            return new UserDecision(Action.FINISH, "created by an interrupted run");
        }
        return skip ? new UserDecision(Action.KEEP, "already in the target pool (existingUsers: skip)")
                : new UserDecision(Action.UPDATE, "already in the target pool (existingUsers: update)");
    }
}
