package dev.migrator.engine;

import dev.migrator.support.AwsErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one thread pool the engine and the stores work with: a fixed number of named daemon threads (a stuck
 * AWS call never keeps the JVM alive), stopped when closed, and two ways to wait for what was submitted.
 */
public final class WorkerPool implements AutoCloseable {
    private final ExecutorService executor;

    private WorkerPool(int threads, String name) {
        this.executor = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** {@code threads} workers (at least one), each named {@code name}. */
    public static WorkerPool of(int threads, String name) {
        return new WorkerPool(threads, name);
    }

    /** Work that may block on AWS or be interrupted. */
    public interface Task {
        void run() throws Exception;
    }

    public <T> Future<T> submit(Callable<T> task) {
        return executor.submit(task);
    }

    public Future<?> submit(Task task) {
        return executor.submit(() -> {
            task.run();
            return null;
        });
    }

    /** Runs every task and waits for all; the first failure is rethrown as it was thrown (unchecked). */
    public void runAll(List<? extends Task> tasks) throws InterruptedException {
        List<Future<?>> futures = new ArrayList<>();
        for (Task task : tasks) {
            futures.add(submit(task));
        }
        awaitAll(futures);
    }

    /** Waits for every future; the first failure is rethrown as it was thrown (unchecked). */
    public static void awaitAll(List<? extends Future<?>> futures) throws InterruptedException {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw unchecked(e.getCause());
            }
        }
    }

    /** Waits for every future; each failure becomes a sentence in {@code reasons}, the rest go on. */
    public static void awaitEach(List<? extends Future<?>> futures, java.util.Collection<String> reasons) throws InterruptedException {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                reasons.add("worker failed: " + AwsErrors.describe(e.getCause()));
            }
        }
    }

    private static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(AwsErrors.describe(cause), cause);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
