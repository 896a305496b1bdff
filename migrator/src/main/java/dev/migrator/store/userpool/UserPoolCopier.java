package dev.migrator.store.userpool;

import dev.migrator.engine.WorkerPool;

import dev.migrator.support.AwsErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Pages through the source pool's users (60 at a time), reads MFA settings where the pool uses MFA,
 * exports each user, and imports the page with a few workers; every request is paced by
 * {@link CognitoCalls}. Memory holds one page.
 */
final class UserPoolCopier {
    /** Called after each user, from the worker threads. */
    interface Listener {
        void userDone();
    }

    private final UserPoolGateway source;
    private final String sourcePool;
    private final UserPoolInfo sourceInfo;
    private final UserPoolInfo targetInfo;
    private final CognitoCalls calls;
    private final int workers;

    UserPoolCopier(UserPoolGateway source, String sourcePool, UserPoolInfo sourceInfo, UserPoolInfo targetInfo, CognitoCalls calls,
                   int workers) {
        this.source = source;
        this.sourcePool = sourcePool;
        this.sourceInfo = sourceInfo;
        this.targetInfo = targetInfo;
        this.calls = calls;
        this.workers = Math.max(1, Math.min(workers, 4));
    }

    /**
     * Copies the users from {@code from} on (the start, or where a resumed run's checkpoint says), and
     * records each page in {@code checkpoint} once all its users are done.
     */
    void copy(GroupDirectory groups, PoolExport export, UserImporter importer, UserDeadLetters deadLetters, UserPoolCounters counters,
              PageCheckpoint checkpoint, PageCheckpoint.Position from, Listener listener) throws InterruptedException, IOException {
        if (from.complete()) {
            return;
        }
        try (WorkerPool pool = WorkerPool.of(workers, "users-" + sourcePool)) {
            Optional<String> token = from.nextToken();
            long pages = from.pagesDone();
            long users = from.usersDone();
            do {
                UserPoolGateway.Page<PoolUser> page = list(token, pages);
                List<Future<?>> work = new ArrayList<>();
                for (PoolUser listed : page.items()) {
                    counters.read.incrementAndGet();
                    PoolUser user = withMfa(listed);
                    List<String> memberOf = groups.groupsOf(user.username());
                    export.add(user, memberOf, UserImporter.targetUsername(user, targetInfo));
                    work.add(pool.submit(() -> {
                        UserOutcome outcome = importer.importUser(user, memberOf);
                        counters.count(outcome);
                        if (outcome instanceof UserOutcome.Failed failed) {
                            deadLetters.add(user, memberOf, failed);
                        }
                        listener.userDone();
                        return null;
                    }));
                }
                try {
                    WorkerPool.awaitAll(work);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("a user import worker failed: " + AwsErrors.describe(e), e);
                }
                token = page.next();
                pages++;
                users += page.items().size();
                checkpoint.pageDone(new PageCheckpoint.Position(token, token.isEmpty(), pages, users, export.flush()));
            } while (token.isPresent());
        }
    }

    private UserPoolGateway.Page<PoolUser> list(Optional<String> token, long pagesDone) throws InterruptedException {
        try {
            return calls.call(() -> source.listUsers(sourcePool, token));
        } catch (RuntimeException e) {
            if (pagesDone > 0 && token.isPresent()) {
                throw new IllegalStateException("listing users after page " + pagesDone + " with the checkpoint's pagination token failed ("
                        + AwsErrors.describe(e) + "); a run without --resume lists from the start and skips the users already there", e);
            }
            throw e;
        }
    }

    /** MFA settings come from AdminGetUser, one request per user: asked only where the source pool uses MFA. */
    private PoolUser withMfa(PoolUser user) throws InterruptedException {
        if ("OFF".equals(sourceInfo.mfa()) || user.federated()) {
            return user;
        }
        return calls.call(() -> source.getUser(sourcePool, user.username()))
                .map(full -> new PoolUser(user.username(), user.status(), user.enabled(), user.attributes(), full.mfa(),
                        user.lastModified()))
                .orElse(user);
    }
}
