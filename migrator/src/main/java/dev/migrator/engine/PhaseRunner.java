package dev.migrator.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one phase over the steps that take part in it: up to {@code parallelSteps} at the same time, under the
 * run's one budget of requests in flight ({@link StepContext#inFlight()}), each step starting once the earlier
 * steps whose maps it reads ({@link Step#readsMaps()}) have ended; results in plan order. Ctrl-C (the calling
 * thread's interrupt) interrupts the steps running, which stop at their next checkpoint; those not started are NotRun.
 */
public final class PhaseRunner {
    private final StepContext context;
    private final int parallelSteps;

    public PhaseRunner(StepContext context) {
        this(context, 1);
    }

    public PhaseRunner(StepContext context, int parallelSteps) {
        this.context = context;
        this.parallelSteps = Math.max(1, parallelSteps);
    }

    /** What one phase did: step results for COPY and REPLAY, verifications for VERIFY. */
    public record PhaseResult(Phase phase, List<StepResult> results, List<Verification> verifications) {
        public PhaseResult {
            results = List.copyOf(results);
            verifications = List.copyOf(verifications);
        }
    }

    /** COPY, REPLAY, CATCH_UP or BACKUP on each step that takes part in {@code phase}. */
    public PhaseResult act(Phase phase, List<Step> steps) {
        if (!phase.acts()) {
            throw new IllegalArgumentException(phase + " does not write; use verify");
        }
        List<Step> taking = steps.stream().filter(s -> s.phases().contains(phase)).toList();
        List<StepResult> results = inParallel(taking, step -> () -> {
            StepResult result = withConcurrency(act(phase, step));
            context.progress().finished(step.id(), result);
            return result;
        }, step -> new StepResult.NotRun(step.id(), "interrupted before it started"));
        return new PhaseResult(phase, results, List.of());
    }

    private StepResult act(Phase phase, Step step) {
        return switch (phase) {
            case COPY -> step.copy(context);
            case REPLAY -> ((Replayable) step).replay(context);
            case CATCH_UP -> ((CatchingUp) step).catchUp(context);
            case BACKUP -> ((BackingUp) step).backup(context);
            default -> throw new IllegalStateException(phase + " is not an acting phase");
        };
    }

    /** A completed step's outputs say what concurrency the run's requests settled on. */
    private StepResult withConcurrency(StepResult result) {
        if (result instanceof StepResult.Completed c && context.inFlight().isAdaptive()) {
            Map<String, String> outputs = new LinkedHashMap<>(c.outputs());
            outputs.put("concurrency", context.inFlight().describe());
            return new StepResult.Completed(c.step(), c.counters(), c.duration(), outputs);
        }
        return result;
    }

    /**
     * VERIFY on each step, side by side like the copy; a step for which {@code unreadable} gives a reason (its stack
     * could not be used) is NOT VERIFIED with that reason and not asked again.
     */
    public PhaseResult verify(List<Step> steps, double sampleRate, Function<StepId, Optional<String>> unreadable) {
        List<Verification> verifications = inParallel(steps, step -> () -> {
            Verification v = unreadable.apply(step.id()).map(why -> Verification.notVerified(step.id(), why))
                    .orElseGet(() -> step.verify(context, sampleRate));
            context.progress().verified(v);
            return v;
        }, step -> null);
        verifications.removeIf(java.util.Objects::isNull);
        return new PhaseResult(Phase.VERIFY, List.of(), verifications);
    }

    /**
     * Runs each step's work on up to {@code parallelSteps} threads, a step after the earlier ones writing maps it
     * reads; the outcomes in the order of {@code steps}. Interrupted, it interrupts what runs and waits for it;
     * a step that never started gets {@code notStarted}, and the calling thread stays interrupted.
     */
    private <T> List<T> inParallel(List<Step> steps, Function<Step, Supplier<T>> work, Function<Step, T> notStarted) {
        if (steps.isEmpty()) {
            return new ArrayList<>();
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelSteps, steps.size()), r -> {
            Thread t = new Thread(r, "step-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Map<Step, CompletableFuture<T>> running = new LinkedHashMap<>();
        Map<String, List<CompletableFuture<T>>> writers = new HashMap<>();
        for (Step step : steps) {
            CompletableFuture<?>[] before = step.readsMaps().stream().flatMap(m -> writers.getOrDefault(m, List.of()).stream())
                    .toArray(CompletableFuture<?>[]::new);
            Supplier<T> job = work.apply(step);
            CompletableFuture<T> f = CompletableFuture.allOf(before).handle((v, e) -> null)
                    .thenApplyAsync(v -> Thread.currentThread().isInterrupted() ? notStarted.apply(step) : job.get(), pool);
            running.put(step, f);
            step.writesMaps().forEach(m -> writers.computeIfAbsent(m, k -> new ArrayList<>()).add(f));
        }
        boolean interrupted = false;
        try {
            CompletableFuture.allOf(running.values().toArray(CompletableFuture<?>[]::new)).get();
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (ExecutionException e) {
            // each step's own failure is in its outcome below
        } finally {
            pool.shutdownNow();
        }
        if (interrupted) {
            awaitQuietly(pool);
        }
        List<T> outcomes = new ArrayList<>();
        running.forEach((step, f) -> outcomes.add(f.isDone() && !f.isCompletedExceptionally() ? f.join() : notStarted.apply(step)));
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return outcomes;
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
