package dev.migrator.store.userpool;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Lists a source pool and hands over the users modified since a {@link DeltaPosition}; returns the next position. */
final class UserDelta {
    /** What a pass does with one due user. */
    interface Handler {
        void due(PoolUser user) throws InterruptedException;
    }

    private final UserPoolGateway source;
    private final String sourcePool;
    private final CognitoCalls calls;

    UserDelta(UserPoolGateway source, String sourcePool, CognitoCalls calls) {
        this.source = source;
        this.sourcePool = sourcePool;
        this.calls = calls;
    }

    /** Hands every due user to {@code handler} and every listed user to {@code seen}; the next position. */
    DeltaPosition pass(DeltaPosition position, Handler handler, java.util.function.Consumer<PoolUser> seen) throws InterruptedException {
        Instant newest = position.since();
        Set<String> atNewest = new HashSet<>(position.atSince());
        Optional<String> token = Optional.empty();
        do {
            Optional<String> at = token;
            UserPoolGateway.Page<PoolUser> page = calls.call(() -> source.listUsers(sourcePool, at));
            for (PoolUser user : page.items()) {
                seen.accept(user);
                Instant modified = user.lastModified().orElse(Instant.EPOCH);
                if (user.federated() || !position.due(modified, user.username())) {
                    continue;
                }
                handler.due(user);
                if (modified.isAfter(newest)) {
                    newest = modified;
                    atNewest.clear();
                }
                if (modified.equals(newest)) {
                    atNewest.add(user.username());
                }
            }
            token = page.next();
        } while (token.isPresent());
        return new DeltaPosition(newest, atNewest);
    }
}
