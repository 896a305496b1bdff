package dev.migrator.store.redis;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.engine.CatchingUp;
import dev.migrator.engine.Finding;
import dev.migrator.engine.PairStep;
import dev.migrator.engine.ResourceState;
import dev.migrator.engine.StepContext;
import dev.migrator.engine.StepExecution;
import dev.migrator.engine.StepId;
import dev.migrator.engine.StepResult;
import dev.migrator.engine.UnitCounters;
import dev.migrator.engine.Verification;
import dev.migrator.engine.WorkerPool;
import dev.migrator.model.CatchUp;
import dev.migrator.model.MigrationOptions;
import dev.migrator.model.NonEmptyTargetPolicy;
import dev.migrator.model.RedisPair;
import dev.migrator.support.DeadLetterFile;
import dev.migrator.support.RateLimiter;
import dev.migrator.support.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Copies one Redis database pair key by key. Preflight: {@link RedisPreflight}. Copy: {@link RedisCopier}, DUMP +
 * RESTORE or per type, TTLs kept, the SCAN cursor checkpointed. Verify: {@link RedisVerifier}. Catch-up (sync):
 * delta passes or keyspace notifications ({@link RedisCatchUp}). Replay: each dead-lettered key copied again.
 */
public final class RedisStep extends PairStep<RedisInfo, RedisGateway> implements CatchingUp {
    private final RedisPair pair;
    private final MigrationOptions options;
    private final boolean targetHoldsCopy;
    private final KeyPatterns patterns;
    private final RedisPreflight preflight;
    /** The notifications followed across sync passes, where the pair asks for them. */
    private final Optional<NotificationFollower> follower;
    private RedisPreflight.Method method;

    /** {@code targetHoldsCopy}: the command continues a copy (resume, replay), so keys already there are replaced. */
    public RedisStep(RedisPair pair, MigrationOptions options, RedisGateway source, RedisGateway target, boolean targetHoldsCopy) {
        super(new StepId(RedisModule.KIND, pair.name(), pair.at().pair()), pair.source().describe(), pair.target().describe(), source, target);
        this.pair = pair;
        this.options = options;
        this.targetHoldsCopy = targetHoldsCopy;
        this.patterns = new KeyPatterns(pair.include(), pair.exclude());
        this.preflight = new RedisPreflight(targetHoldsCopy && pair.ifTargetNotEmpty() == NonEmptyTargetPolicy.REFUSE
                ? pair.withIfTargetNotEmpty(NonEmptyTargetPolicy.OVERWRITE) : pair, patterns);
        this.follower = pair.catchUp() == CatchUp.NOTIFICATIONS ? Optional.of(new NotificationFollower(source, patterns)) : Optional.empty();
    }

    @Override
    public boolean follows() {
        return pair.catchUp() == CatchUp.DELTA || pair.catchUp() == CatchUp.NOTIFICATIONS;
    }

    @Override
    protected Optional<RedisInfo> describe(ResourceState.Side side) {
        return Optional.of(gateway(side).info());
    }

    @Override
    protected ResourceState look(ResourceState.Side side, Optional<RedisInfo> info, List<Finding> findings) {
        return preflight.look(side, gateway(side), resourceName(side), info.orElseThrow(), findings);
    }

    @Override
    protected void compare(RedisInfo sourceInfo, RedisInfo targetInfo, List<Finding> findings) {
        preflight.compare(sourceInfo, targetInfo, findings);
    }

    @Override
    public StepResult copy(StepContext context) {
        RedisCopier.Counters counters = new RedisCopier.Counters();
        return copying(context, counters::snapshot, file -> {
            RetryPolicy retry = context.retry(options.maxRetries());
            RedisInfo sourceInfo = retry.call(source::info);
            RedisPreflight.Method method = method(retry, () -> sourceInfo);
            CursorCheckpoint checkpoint = new CursorCheckpoint(context.checkpoints(), id.slug());
            Optional<String> start = checkpoint.start(context.resume());
            if (start.isEmpty()) {
                return new StepExecution.Ending(List.of(), Map.of("keysCopied", "0 (an earlier run scanned to the end)"));
            }
            markFollowing(context);
            context.progress().started(id, patterns.selectsAll() ? sourceInfo.keys() : -1, "keys");
            RedisCopier copier = copier(method.dump(), targetHoldsCopy || context.resume(), retry);
            List<String> stopped;
            try (WorkerPool workers = WorkerPool.of(options.concurrency(), "copy-" + pair.name())) {
                stopped = copier.copy(start.get(), workers, options.concurrency(), checkpoint, file, counters,
                        () -> context.progress().advanced(id, counters.done(), counters.failed.get()));
            }
            return new StepExecution.Ending(stopped, outputs(method, counters));
        });
    }

    private RedisCopier copier(boolean dump, boolean replacing, RetryPolicy retry) {
        boolean replace = replacing || pair.ifTargetNotEmpty() == NonEmptyTargetPolicy.OVERWRITE;
        KeyCopier keys = new KeyCopier(source, target, new KeyCopier.Settings(dump, pair.keepTtl(), replace,
                pair.ifTargetNotEmpty() == NonEmptyTargetPolicy.SKIP_EXISTING), System::nanoTime);
        RateLimiter reads = options.readRateLimit().map(l -> RateLimiter.of(l.perSecond())).orElse(RateLimiter.unlimited());
        RateLimiter writes = options.writeRateLimit().map(l -> RateLimiter.of(l.perSecond())).orElse(RateLimiter.unlimited());
        return new RedisCopier(source, keys, patterns, retry, reads, writes, id.toString(), pair.source().describe());
    }

    /** A pair that follows its source records when its copy began, so the status gate asks for a caught-up sync. */
    private void markFollowing(StepContext context) {
        if (follows() && !(context.resume() && context.checkpoints().read(followingCheckpoint()).isPresent())) {
            context.checkpoints().write(followingCheckpoint(), JsonNodeFactory.instance.objectNode()
                    .put("catchUp", pair.catchUp().name().toLowerCase(java.util.Locale.ROOT)).put("since", Instant.now().toString()));
        }
    }

    private String followingCheckpoint() {
        return id.slug() + "-stream";
    }

    private Map<String, String> outputs(RedisPreflight.Method method, RedisCopier.Counters counters) {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("method", method.dump() ? "DUMP + RESTORE" : "per type (" + method.fallback().orElse("") + ")");
        outputs.put("ttl", pair.keepTtl() ? "kept" : "dropped");
        outputs.put("keysGoneFromSource", String.valueOf(counters.gone.get()));
        return outputs;
    }

    @Override
    public StepResult catchUp(StepContext context) {
        RedisCopier.Counters counters = new RedisCopier.Counters();
        return copying(context, counters::snapshot, file -> {
            RetryPolicy retry = context.retry(options.maxRetries());
            RedisPreflight.Method method = method(retry, source::info);
            RedisCatchUp catchUp = new RedisCatchUp(source, target, patterns, comparison(), copier(method.dump(), true, retry), retry,
                    options.concurrency(), Instant::now);
            boolean full = follower.isEmpty() || follower.get().follow(); // notifications: one full pass once subscribed
            RedisCatchUp.Pass pass = full ? catchUp.delta(pair.ifTargetNotEmpty() == NonEmptyTargetPolicy.REFUSE, file, counters,
                    pair.source().describe(), pair.target().describe()) : catchUp.notified(follower.get().changed(), file, counters);
            if (full && pass.stopped().isEmpty()) {
                follower.ifPresent(NotificationFollower::reconciled);
            }
            Optional<ChangedKeys> waiting = follower.map(NotificationFollower::changed);
            long applied = counters.written.get() + pass.deleted();
            boolean caughtUp = pass.stopped().isEmpty() && counters.failed.get() == 0
                    && waiting.map(w -> w.size() == 0).orElse(true) && (applied == 0 || !full);
            Duration lag = Duration.between(waiting.flatMap(ChangedKeys::oldest).orElse(pass.started()), Instant.now());
            context.progress().caughtUp(id, applied, Optional.of(lag), caughtUp); // the oldest change not applied yet, at most
            Map<String, String> outputs = passOutputs(pass, applied, caughtUp, lag);
            waiting.ifPresent(w -> outputs.put("keysWaiting", String.valueOf(w.size())));
            return new StepExecution.Ending(pass.stopped(), outputs);
        });
    }

    private static Map<String, String> passOutputs(RedisCatchUp.Pass pass, long applied, boolean caughtUp, Duration lag) {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put(CAUGHT_UP, String.valueOf(caughtUp));
        outputs.put("recordsApplied", String.valueOf(applied));
        outputs.put("keysDeleted", String.valueOf(pass.deleted()));
        if (pass.extrasLeft() > 0) {
            outputs.put("extraKeysLeft", pass.extrasLeft() + " (not deleted: the target held keys of its own before the copy)");
        }
        if (pass.stopped().isEmpty()) {
            outputs.put("newestApplied", pass.started().toString());
        }
        outputs.put("lagSeconds", String.format(java.util.Locale.ROOT, "%.1f", lag.toMillis() / 1000.0));
        return outputs;
    }

    /**
     * How values move between the two servers, decided once per process: every sync pass after the first reuses it
     * (the INFO of every node and the probes of DUMP and RESTORE are not asked again).
     */
    private synchronized RedisPreflight.Method method(RetryPolicy retry, java.util.function.Supplier<RedisInfo> sourceInfo)
            throws InterruptedException {
        if (method == null) {
            method = preflight.method(retry.call(sourceInfo), retry.call(target::info));
        }
        return method;
    }

    private KeyComparison comparison() {
        return new KeyComparison(pair.keepTtl(), pair.ttlTolerance());
    }

    @Override
    public Verification verify(StepContext context, double sampleRate) {
        return StepExecution.verify(id, () -> new RedisVerifier(source, target, patterns, comparison(), context.retry(options.maxRetries()),
                options.concurrency(), pair.source().describe(), pair.target().describe()).verify(id, sampleRate, context.progress()));
    }

    @Override
    protected Replayer replayer(StepContext context, DeadLetterFile stillFailing) throws IOException {
        RedisCopier.Counters counters = new RedisCopier.Counters();
        RetryPolicy retry = context.retry(options.maxRetries());
        RedisCopier copier;
        try {
            copier = copier(method(retry, source::info).dump(), true, retry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        List<byte[]> batch = new ArrayList<>();
        return new Replayer() {
            @Override
            public void replay(ObjectNode entry) throws InterruptedException {
                batch.add(RedisDeadLetter.from(entry).key());
                counters.read.incrementAndGet();
                if (batch.size() >= ScanPages.COUNT) {
                    finish();
                }
            }

            @Override
            public void finish() throws InterruptedException {
                copier.copyPage(List.copyOf(batch), stillFailing, counters);
                batch.clear();
            }

            @Override
            public UnitCounters counters() {
                return counters;
            }

            @Override
            public Map<String, String> outputs() {
                return Map.of("keysGoneFromSource", String.valueOf(counters.gone.get()));
            }
        };
    }
}
