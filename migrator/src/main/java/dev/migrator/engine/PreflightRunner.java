package dev.migrator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs every step's preflight, a few at a time; read-only. */
public final class PreflightRunner {
    private final int parallelism;

    public PreflightRunner(int parallelism) {
        this.parallelism = Math.max(1, parallelism);
    }

    public List<Preflight> preflight(Plan plan) {
        if (plan.steps().isEmpty()) {
            return List.of();
        }
        try (WorkerPool pool = WorkerPool.of(Math.min(parallelism, plan.steps().size()), "preflight")) {
            List<Future<Preflight>> futures = new ArrayList<>();
            for (Step step : plan.steps()) {
                futures.add(pool.submit(step::preflight));
            }
            List<Preflight> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                results.add(await(futures.get(i), plan.steps().get(i)));
            }
            return results;
        }
    }

    private static Preflight await(Future<Preflight> future, Step step) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return Preflight.unreachable(step.id(), step.id().toString(),
                    cause instanceof Exception ex ? ex : new RuntimeException(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during preflight", e);
        }
    }
}
