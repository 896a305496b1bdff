package dev.migrator.store.bucket;

import dev.migrator.support.IdMapJournal;
import dev.migrator.model.NonEmptyTargetPolicy;
import dev.migrator.support.AwsErrors;
import dev.migrator.support.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import dev.migrator.engine.PagesAhead;
import dev.migrator.engine.QueueWorkers;
import dev.migrator.engine.WorkerPool;
import java.util.concurrent.Future;

/**
 * Copies a bucket as DistCp does: the listing streams page by page onto a bounded queue (never the
 * whole bucket in memory), split among several listers where the keys lie under sibling prefixes
 * ({@link ListingFanOut}) and each read one page ahead ({@link PagesAhead}), and {@code workers} threads copy
 * from it. In current mode a task is one
 * object, decided COPY / SKIP / OVERWRITE against the target; with all versions a task is one key's
 * history, copied oldest first (delete markers too), so the target's version order matches.
 */
final class BucketCopier {
    record Settings(String sourceBucket, String targetBucket, KeyFilter keys, boolean allVersions, int workers,
                    NonEmptyTargetPolicy policy, boolean targetMayHoldObjects, boolean sourceVersioned) {}

    /** Called after each object or version, from the worker threads. */
    interface Listener {
        void progressed();
    }

    private static final int TASKS_QUEUED_PER_WORKER = 16;
    /**
     * One object, or one key's history; {@code index} is its place in its listing job's (-1: versions, tracked by the
     * journal).
     */
    private record Task(List<ListedObject> objects, String job, long index) {}

    private static final Task END = new Task(List.of(), "", -1);

    private final BucketGateway source;
    private final BucketGateway target;
    private final Settings settings;
    private final ObjectCopier copier;
    private final RetryPolicy retry;

    BucketCopier(BucketGateway source, BucketGateway target, Settings settings, ObjectCopier copier, RetryPolicy retry) {
        this.source = source;
        this.target = target;
        this.settings = settings;
        this.copier = copier;
        this.retry = retry;
    }

    /** Copies everything listed; returns why the copy stopped early (empty when it finished). */
    List<String> copy(WorkerPool pool, ObjectDeadLetters deadLetters, IdMapJournal journal, BucketCounters counters,
                      ListingCheckpoint checkpoint, Listener listener) throws InterruptedException {
        ObjectWork work = new ObjectWork(source, target, settings, copier, retry, deadLetters, journal, counters);
        QueueWorkers<Task> tasks = new QueueWorkers<>(pool, new ArrayBlockingQueue<>(settings.workers() * TASKS_QUEUED_PER_WORKER), END,
                settings.workers(), retry.inFlight()::limit, retry.inFlight()::room, task -> {
                    work.handle(task.objects());
                    if (task.index() >= 0) {
                        checkpoint.done(task.job(), task.index());
                    }
                    listener.progressed();
                });
        List<String> stopped = new ArrayList<>();
        List<Future<?>> workers;
        try {
            stopped.addAll(settings.allVersions() ? listVersions(tasks, counters) : listCurrent(tasks, counters, checkpoint));
        } finally {
            workers = tasks.finish();
        }
        WorkerPool.awaitEach(workers, stopped);
        checkpoint.finish(stopped.isEmpty());
        return stopped;
    }

    /** Lists the current objects, sibling prefixes side by side; returns why the listing stopped early. */
    private List<String> listCurrent(QueueWorkers<Task> tasks, BucketCounters counters, ListingCheckpoint checkpoint)
            throws InterruptedException {
        return new ListingFanOut(source, settings.sourceBucket(), retry, checkpoint).run(settings.keys().listingPrefixes(), (job, object) -> {
            if (settings.keys().accepts(object.key())) {
                counters.read.incrementAndGet();
                tasks.put(new Task(List.of(object), job.id(), checkpoint.listed(job.id(), object.key())));
            }
        });
    }

    private List<String> listVersions(QueueWorkers<Task> tasks, BucketCounters counters) throws InterruptedException {
        for (String prefix : settings.keys().listingPrefixes()) {
            String problem = listVersions(prefix, tasks, counters);
            if (problem != null) {
                return List.of(problem);
            }
        }
        return List.of();
    }

    /** Lists versions and hands out one key's whole history at a time, oldest first; a history may span pages. */
    private String listVersions(String prefix, QueueWorkers<Task> tasks, BucketCounters counters)
            throws InterruptedException {
        List<ListedObject> history = new ArrayList<>();
        try (PagesAhead<BucketGateway.VersionCursor, BucketGateway.VersionPage> pages = new PagesAhead<>(
                cursor -> retry.call(() -> source.listVersions(settings.sourceBucket(), prefix, cursor)),
                BucketGateway.VersionPage::next, "list-" + settings.sourceBucket())) {
            for (Optional<BucketGateway.VersionPage> page = pages.next(); page.isPresent(); page = pages.next()) {
                for (ListedObject version : page.get().objects()) {
                    if (!settings.keys().accepts(version.key())) {
                        continue;
                    }
                    if (!history.isEmpty() && !history.get(0).key().equals(version.key())) {
                        tasks.put(new Task(oldestFirst(history), "", -1));
                        history = new ArrayList<>();
                    }
                    counters.read.incrementAndGet();
                    history.add(version);
                }
            }
        } catch (PagesAhead.Failed e) {
            return "listing versions of " + settings.sourceBucket() + " under '" + prefix + "' failed: " + AwsErrors.describe(e.getCause());
        }
        if (!history.isEmpty()) {
            tasks.put(new Task(oldestFirst(history), "", -1));
        }
        return null;
    }

    private static List<ListedObject> oldestFirst(List<ListedObject> newestFirst) {
        List<ListedObject> copy = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(copy);
        return List.copyOf(copy);
    }
}
