package dev.migrator.store.redis;

import java.time.Instant;

/**
 * The keyspace notifications one step follows from one sync pass to the next: subscribed before the first pass, and
 * again once the server dropped the subscription (a lost connection, its pub/sub output limit); the keys notified
 * since; and whether a full pass has run to its end since the subscription began, after which the notified keys are
 * all that changed.
 */
final class NotificationFollower {
    private final RedisGateway source;
    private final ChangedKeys changed;
    private RedisGateway.Subscription subscription;
    private boolean reconciled;

    NotificationFollower(RedisGateway source, KeyPatterns patterns) {
        this.source = source;
        this.changed = new ChangedKeys(patterns);
    }

    /** Subscribes where not (or no longer) subscribed; returns whether the coming pass must compare every key. */
    synchronized boolean follow() throws InterruptedException {
        if (subscription != null && !subscription.following()) { // dropped: changes since may be lost, so start over
            subscription.close();
            subscription = null;
            reconciled = false;
        }
        if (subscription == null) {
            subscription = source.subscribe(key -> changed.changed(key, Instant.now()));
        }
        return !reconciled;
    }

    /** A full pass ran to its end while subscribed. */
    synchronized void reconciled() {
        reconciled = true;
    }

    ChangedKeys changed() {
        return changed;
    }
}
