package dev.migrator.store.table;

import dev.migrator.engine.UnitCounters;

import dev.migrator.engine.Finding;
import dev.migrator.engine.PairStep;
import dev.migrator.engine.ResourceState;
import dev.migrator.engine.Sample;
import dev.migrator.engine.Sampleable;
import dev.migrator.engine.StepContext;
import dev.migrator.engine.StepExecution;
import dev.migrator.engine.StepId;
import dev.migrator.engine.StepResult;
import dev.migrator.engine.Verification;
import dev.migrator.model.MigrationOptions;
import dev.migrator.model.NonEmptyTargetPolicy;
import dev.migrator.model.TablePair;
import dev.migrator.support.DeadLetterFile;
import dev.migrator.support.RateLimiter;
import dev.migrator.transform.DynamoJson;
import dev.migrator.transform.ItemTransformer;
import dev.migrator.transform.TransformFailure;
import dev.migrator.transform.ValueMaps;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Copies one DynamoDB table pair. Preflight: both tables exist, the target is ACTIVE, keys match, target empty. */
public final class TableStep extends PairStep<TableInfo, TableGateway> implements Sampleable {
    /** Items per Scan page: a page is also what one worker holds in memory. */
    static final int PAGE_SIZE = 500;

    private final TablePair pair;
    private final MigrationOptions options;
    private final String sourceRegion;
    private final String targetRegion;

    public TableStep(TablePair pair, MigrationOptions options, TableGateway source, TableGateway target,
                     String sourceRegion, String targetRegion) {
        super(new StepId(TableModule.KIND, pair.name(), pair.at().pair()), pair.source(), pair.target(), source, target);
        this.pair = pair;
        this.options = options;
        this.sourceRegion = sourceRegion;
        this.targetRegion = targetRegion;
    }

    @Override
    protected Optional<TableInfo> describe(ResourceState.Side side) {
        return gateway(side).describe(resourceName(side));
    }

    @Override
    protected ResourceState look(ResourceState.Side side, Optional<TableInfo> info, List<Finding> findings) {
        TablePreflight preflight = new TablePreflight(pair, target);
        return side == ResourceState.Side.SOURCE ? preflight.source(info, sourceRegion, findings)
                : preflight.target(info, targetRegion, findings);
    }

    @Override
    protected void compare(TableInfo sourceInfo, TableInfo targetInfo, List<Finding> findings) {
        findings.addAll(new KeySchemaCheck(pair).compare(sourceInfo, targetInfo));
    }

    @Override
    public StepResult copy(StepContext context) {
        UnitCounters counters = new UnitCounters();
        return copying(context, counters::snapshot, file -> {
            TableInfo sourceInfo = source.describe(pair.source()).orElseThrow();
            TableInfo targetInfo = target.describe(pair.target()).orElseThrow();
            ItemTransformer transformer = ItemTransformer.compile(pair.transforms(), new ValueMaps(context.layout()));
            int segments = SegmentPlan.segments(sourceInfo.sizeBytes(), options.concurrency(), pair.segments());
            context.progress().started(id, sourceInfo.approximateItemCount(), "items");
            SegmentCheckpoints checkpoints = new SegmentCheckpoints(context.checkpoints(), id.slug(), segments, context.resume());
            List<String> stopped = new TableCopier(source, target, settings(context, segments)).copy(pair.source(), targetInfo,
                    transformer, new DeadLetters(file, id.toString(), pair.source(), counters), counters, checkpoints,
                    () -> context.progress().advanced(id, counters.read.get(), counters.failed.get()));
            return new StepExecution.Ending(stopped, Map.of("segments", String.valueOf(segments)));
        });
    }

    @Override
    protected Replayer replayer(StepContext context, DeadLetterFile stillFailing) throws IOException {
        UnitCounters counters = new UnitCounters();
        TableInfo targetInfo = target.describe(pair.target()).orElseThrow();
        ItemTransformer transformer = ItemTransformer.compile(pair.transforms(), new ValueMaps(context.layout()));
        DeadLetters deadLetters = new DeadLetters(stillFailing, id.toString(), pair.source(), counters);
        TableCopier.Settings settings = settings(context, 1);
        TableReplay items = new TableReplay(new BatchWriter(target, pair.target(), settings.maxRetries(), settings.backoff(),
                settings.writeLimit(), settings.writeLimitInItems(), deadLetters, counters), transformer,
                new KeyCheck(targetInfo.keySchema()), deadLetters, counters);
        return new Replayer() {
            @Override
            public void replay(com.fasterxml.jackson.databind.node.ObjectNode entry) throws InterruptedException {
                items.replay(entry);
            }

            @Override
            public void finish() throws InterruptedException {
                items.flush();
            }

            @Override
            public UnitCounters counters() {
                return counters;
            }
        };
    }

    @Override
    public Verification verify(StepContext context, double sampleRate) {
        return StepExecution.verify(id, () -> {
            TableInfo targetInfo = target.describe(pair.target()).orElseThrow();
            ItemTransformer transformer = ItemTransformer.compile(pair.transforms(), new ValueMaps(context.layout()));
            return new TableVerifier(source, target, context.retry(options.maxRetries()), options.concurrency(),
                    context.progress()).verify(id, pair.source(), targetInfo, transformer, pair.seededKeys(), sampleRate);
        });
    }

    /** The first {@code count} source items, before and after the transforms; maps not written yet read as empty. */
    @Override
    public Sample sample(int count) throws IOException {
        List<Sample.Item> items = new ArrayList<>();
        ItemTransformer transformer = ItemTransformer.compile(pair.transforms(), ValueMaps.beforeAnyRun());
        Optional<KeyCheck> keys = target.describe(pair.target()).map(t -> new KeyCheck(t.keySchema()));
        for (Map<String, AttributeValue> item : source.scan(pair.source(), 0, 1, null, count, false).items()) {
            try {
                Map<String, AttributeValue> after = transformer.apply(item);
                String keyProblem = keys.map(k -> k.problem(after)).orElse(null);
                items.add(new Sample.Item(DynamoJson.item(item), keyProblem == null ? DynamoJson.item(after) : null, keyProblem));
            } catch (TransformFailure e) {
                items.add(new Sample.Item(DynamoJson.item(item), null, e.getMessage()));
            }
        }
        return new Sample(id, items);
    }

    private TableCopier.Settings settings(StepContext context, int segments) {
        RateLimiter read = options.readRateLimit().map(l -> RateLimiter.of(l.perSecond())).orElse(RateLimiter.unlimited());
        RateLimiter write = options.writeRateLimit().map(l -> RateLimiter.of(l.perSecond())).orElse(RateLimiter.unlimited());
        boolean readItems = options.readRateLimit().map(l -> l.unit() == MigrationOptions.RateLimit.Unit.ITEMS).orElse(true);
        boolean writeItems = options.writeRateLimit().map(l -> l.unit() == MigrationOptions.RateLimit.Unit.ITEMS).orElse(true);
        return new TableCopier.Settings(options.concurrency(), segments, PAGE_SIZE, options.maxRetries(), context.backoff(),
                read, readItems, write, writeItems, pair.ifTargetNotEmpty() == NonEmptyTargetPolicy.SKIP_EXISTING);
    }
}
