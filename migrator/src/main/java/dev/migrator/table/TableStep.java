package dev.migrator.table;

import dev.migrator.deadletter.DeadLetterFile;
import dev.migrator.deadletter.DeadLetterReplay;
import dev.migrator.model.MigrationOptions;
import dev.migrator.model.NonEmptyTargetPolicy;
import dev.migrator.run.Backoff;
import dev.migrator.run.RateLimiter;
import dev.migrator.transform.DynamoJson;
import dev.migrator.transform.ItemTransformer;
import dev.migrator.transform.TransformFailure;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import dev.migrator.transform.ValueMaps;
import java.io.IOException;
import java.nio.file.Path;
import dev.migrator.model.TablePair;
import dev.migrator.plan.Finding;
import dev.migrator.plan.Preflight;
import dev.migrator.plan.ResourceState;
import dev.migrator.plan.Step;
import dev.migrator.plan.StepContext;
import dev.migrator.plan.StepExecution;
import dev.migrator.plan.RetryPolicy;
import dev.migrator.plan.Verification;
import dev.migrator.plan.StepId;
import dev.migrator.plan.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Copies one DynamoDB table pair. Preflight: both tables exist, the target is ACTIVE, keys match, target empty. */
public final class TableStep implements Step {
    /** How many target keys preflight reads to tell "only seeded keys" from "holds data". */
    static final int TARGET_KEY_PROBE = 101;
    private static final int KEYS_SHOWN = 5;
    /** Items per Scan page: a page is also what one worker holds in memory. */
    static final int PAGE_SIZE = 500;

    private final TablePair pair;
    private final MigrationOptions options;
    private final TableGateway source;
    private final TableGateway target;
    private final String sourceRegion;
    private final String targetRegion;
    private final StepId id;

    public TableStep(TablePair pair, MigrationOptions options, TableGateway source, TableGateway target,
                     String sourceRegion, String targetRegion) {
        this.pair = pair;
        this.options = options;
        this.source = source;
        this.target = target;
        this.sourceRegion = sourceRegion;
        this.targetRegion = targetRegion;
        this.id = new StepId(StepId.Kind.TABLE, pair.name(), pair.at().pair());
    }

    @Override
    public StepId id() {
        return id;
    }

    @Override
    public Preflight preflight() {
        List<ResourceState> resources = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Optional<TableInfo> src;
        Optional<TableInfo> dst;
        try {
            src = source.describe(pair.source());
        } catch (RuntimeException e) {
            return Preflight.unreachable(id, "source table " + pair.source(), e);
        }
        try {
            dst = target.describe(pair.target());
        } catch (RuntimeException e) {
            return Preflight.unreachable(id, "target table " + pair.target(), e);
        }
        if (src.isEmpty()) {
            resources.add(ResourceState.missing(ResourceState.Side.SOURCE, pair.source()));
            findings.add(Finding.error("source table " + pair.source() + " does not exist in " + sourceRegion,
                    "check the name at " + pair.at().source() + " and the source stack's region and account"));
        } else {
            resources.add(new ResourceState(ResourceState.Side.SOURCE, pair.source(), true,
                    Optional.of(src.get().approximateItemCount() == 0), Optional.of(src.get().approximateItemCount()),
                    true, List.of(), details(src.get())));
        }
        if (dst.isEmpty()) {
            resources.add(ResourceState.missing(ResourceState.Side.TARGET, pair.target()));
            findings.add(Finding.error("target table " + pair.target() + " does not exist in " + targetRegion,
                    "deploy Stack B first, or fix the name at " + pair.at().target()));
        } else {
            resources.add(targetState(dst.get(), findings));
        }
        if (src.isPresent() && dst.isPresent()) {
            findings.addAll(new KeySchemaCheck(pair).compare(src.get(), dst.get()));
        }
        return new Preflight(id, resources, findings);
    }

    private ResourceState targetState(TableInfo info, List<Finding> findings) {
        if (!info.isActive()) {
            findings.add(Finding.error("target table " + info.name() + " is " + info.status() + ", not ACTIVE",
                    "wait until the table is ACTIVE, then run again"));
        }
        List<Map<String, String>> keys = target.firstKeys(info.name(), info.keyNames(), TARGET_KEY_PROBE);
        boolean empty = keys.isEmpty();
        if (!empty) {
            findings.add(nonEmptyFinding(info, keys));
        }
        boolean exact = keys.size() < TARGET_KEY_PROBE;
        return new ResourceState(ResourceState.Side.TARGET, info.name(), true, Optional.of(empty),
                Optional.of(exact ? keys.size() : info.approximateItemCount()), !exact,
                keys.stream().limit(KEYS_SHOWN).map(Object::toString).toList(), details(info));
    }

    private Finding nonEmptyFinding(TableInfo info, List<Map<String, String>> keys) {
        String count = keys.size() < TARGET_KEY_PROBE ? String.valueOf(keys.size()) : "more than " + (TARGET_KEY_PROBE - 1);
        List<Map<String, String>> unexpected = keys.stream()
                .filter(k -> pair.seededKeys().stream().noneMatch(s -> s.matches(k))).toList();
        if (pair.ifTargetNotEmpty() == NonEmptyTargetPolicy.OVERWRITE) {
            return Finding.warning("target table " + info.name() + " holds " + count + " items; ifTargetNotEmpty is overwrite, so items with the same key are replaced", "");
        }
        if (pair.ifTargetNotEmpty() == NonEmptyTargetPolicy.SKIP_EXISTING) {
            return Finding.info("target table " + info.name() + " holds " + count + " items; items already there are kept (skip-existing)");
        }
        if (unexpected.isEmpty() && keys.size() < TARGET_KEY_PROBE) {
            return Finding.info("target table " + info.name() + " holds only its " + keys.size() + " declared seeded item(s)");
        }
        return Finding.error("target table " + info.name() + " is not empty: it holds " + count + " item(s)"
                        + (pair.seededKeys().isEmpty() ? "" : ", " + unexpected.size() + " of them not declared seeded")
                        + "; first keys: " + unexpected.stream().limit(KEYS_SHOWN).toList(),
                "point the target at a fresh Stack B table, or set \"ifTargetNotEmpty\": \"overwrite\" or \"skip-existing\" "
                        + "at " + pair.at().pair() + ", or list the keys Stack B seeds under \"seededKeys\"");
    }

    private static Map<String, String> details(TableInfo info) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("status", info.status());
        details.put("key", info.keySchema().toString());
        details.put("billing", info.billingMode());
        details.put("sizeBytes", String.valueOf(info.sizeBytes()));
        if (!info.globalSecondaryIndexes().isEmpty()) {
            details.put("gsi", String.join(", ", info.globalSecondaryIndexes()));
        }
        details.put("stream", info.streamEnabled() ? "enabled" : "disabled");
        return details;
    }

    @Override
    public StepResult execute(StepContext context) {
        CopyCounters counters = new CopyCounters();
        Path deadLetterPath = DeadLetterFile.pathOf(context.runDirectory(), id);
        return StepExecution.run(id, counters::snapshot, () -> {
            try (DeadLetterFile file = new DeadLetterFile(deadLetterPath)) {
                TableInfo sourceInfo = source.describe(pair.source()).orElseThrow();
                TableInfo targetInfo = target.describe(pair.target()).orElseThrow();
                ItemTransformer transformer = ItemTransformer.compile(pair.transforms(), new ValueMaps(context.runDirectory()));
                int segments = SegmentPlan.segments(sourceInfo.sizeBytes(), options.concurrency(), pair.segments());
                context.progress().started(id, sourceInfo.approximateItemCount(), "items");
                SegmentCheckpoints checkpoints = new SegmentCheckpoints(context.checkpoints(), "table-" + pair.name(), segments,
                        context.resume());
                List<String> stopped = new TableCopier(source, target, settings(segments)).copy(pair.source(), targetInfo,
                        transformer, new DeadLetters(file, id.toString(), pair.source(), counters), counters, checkpoints,
                        () -> context.progress().advanced(id, counters.read.get(), counters.failed.get()));
                Map<String, String> outputs = new LinkedHashMap<>();
                outputs.put("segments", String.valueOf(segments));
                if (file.count() > 0) {
                    outputs.put("deadLetters", deadLetterPath.toString());
                }
                return new StepExecution.Ending(stopped, outputs);
            }
        });
    }

    @Override
    public StepResult replay(StepContext context) {
        CopyCounters counters = new CopyCounters();
        return StepExecution.run(id, counters::snapshot, () -> {
            try (DeadLetterReplay replay = new DeadLetterReplay(DeadLetterFile.pathOf(context.runDirectory(), id))) {
                TableInfo targetInfo = target.describe(pair.target()).orElseThrow();
                ItemTransformer transformer = ItemTransformer.compile(pair.transforms(), new ValueMaps(context.runDirectory()));
                context.progress().started(id, replay.countEntries(), "dead letters");
                DeadLetters deadLetters = new DeadLetters(replay.stillFailing(), id.toString(), pair.source(), counters);
                TableCopier.Settings settings = settings(1);
                TableReplay items = new TableReplay(new BatchWriter(target, pair.target(), settings.maxRetries(), settings.backoff(),
                        settings.writeLimit(), settings.writeLimitInItems(), deadLetters, counters), transformer,
                        new KeyCheck(targetInfo.keySchema()), deadLetters, counters);
                replay.forEach(entry -> {
                    items.replay(entry);
                    context.progress().advanced(id, counters.read.get(), counters.failed.get());
                });
                items.flush();
                return new StepExecution.Ending(List.of(), replay.commit());
            }
        });
    }

    @Override
    public Verification verify(StepContext context, double sampleRate) {
        return StepExecution.verify(id, () -> {
            TableInfo targetInfo = target.describe(pair.target()).orElseThrow();
            ItemTransformer transformer = ItemTransformer.compile(pair.transforms(), new ValueMaps(context.runDirectory()));
            return new TableVerifier(source, target, new RetryPolicy(options.maxRetries(), Backoff.DEFAULT), options.concurrency(),
                    context.progress()).verify(id, pair.source(), targetInfo, transformer, pair.seededKeys(), sampleRate);
        });
    }

    /** The first {@code count} source items, before and after the transforms; maps not written yet read as empty. */
    public TableSample sample(int count) throws IOException {
        List<TableSample.Item> items = new ArrayList<>();
        ItemTransformer transformer = ItemTransformer.compile(pair.transforms(), ValueMaps.beforeAnyRun());
        Optional<KeyCheck> keys = target.describe(pair.target()).map(t -> new KeyCheck(t.keySchema()));
        for (Map<String, AttributeValue> item : source.scan(pair.source(), 0, 1, null, count, false).items()) {
            try {
                Map<String, AttributeValue> after = transformer.apply(item);
                String keyProblem = keys.map(k -> k.problem(after)).orElse(null);
                items.add(new TableSample.Item(DynamoJson.item(item), keyProblem == null ? DynamoJson.item(after) : null, keyProblem));
            } catch (TransformFailure e) {
                items.add(new TableSample.Item(DynamoJson.item(item), null, e.getMessage()));
            }
        }
        return new TableSample(id, items);
    }

    private TableCopier.Settings settings(int segments) {
        RateLimiter read = options.readRateLimit().map(l -> RateLimiter.of(l.perSecond())).orElse(RateLimiter.unlimited());
        RateLimiter write = options.writeRateLimit().map(l -> RateLimiter.of(l.perSecond())).orElse(RateLimiter.unlimited());
        boolean readItems = options.readRateLimit().map(l -> l.unit() == MigrationOptions.RateLimit.Unit.ITEMS).orElse(true);
        boolean writeItems = options.writeRateLimit().map(l -> l.unit() == MigrationOptions.RateLimit.Unit.ITEMS).orElse(true);
        return new TableCopier.Settings(options.concurrency(), segments, PAGE_SIZE, options.maxRetries(), Backoff.DEFAULT,
                read, readItems, write, writeItems, pair.ifTargetNotEmpty() == NonEmptyTargetPolicy.SKIP_EXISTING);
    }
}
