package dev.migrator.store.table;

import dev.migrator.model.CatchUp;

import dev.migrator.engine.UnitCounters;

import dev.migrator.engine.Finding;
import dev.migrator.engine.BackingUp;
import dev.migrator.engine.CatchingUp;
import dev.migrator.engine.PairStep;
import dev.migrator.engine.ResourceState;
import dev.migrator.engine.Sample;
import dev.migrator.engine.Sampleable;
import dev.migrator.engine.StepContext;
import dev.migrator.engine.Shard;
import dev.migrator.engine.Splittable;
import dev.migrator.engine.StepExecution;
import dev.migrator.engine.StepId;
import dev.migrator.engine.StepResult;
import dev.migrator.engine.Verification;
import dev.migrator.model.MigrationOptions;
import dev.migrator.model.NonEmptyTargetPolicy;
import dev.migrator.model.TablePair;
import dev.migrator.support.Concurrently;
import dev.migrator.support.DeadLetterFile;
import dev.migrator.support.AwsErrors;
import dev.migrator.support.RateLimiter;
import dev.migrator.support.RetryPolicy;
import dev.migrator.transform.DynamoJson;
import dev.migrator.transform.ItemTransformer;
import dev.migrator.transform.TransformFailure;
import dev.migrator.transform.ValueMaps;
import dev.migrator.transform.Transform;
import java.util.Set;
import java.util.TreeSet;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Copies one DynamoDB table pair. Preflight: both tables exist, the target is ACTIVE, keys match, target empty. */
public final class TableStep extends PairStep<TableInfo, TableGateway> implements Sampleable, CatchingUp, BackingUp, Splittable {
    /** Items per Scan page: a page is also what one worker holds in memory. */
    static final int PAGE_SIZE = 500;
    private static final java.time.format.DateTimeFormatter BACKUP_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC);

    private final TablePair pair;
    private final MigrationOptions options;
    private final String sourceRegion;
    private final String targetRegion;
    private final Optional<StreamGateway> sourceStream;
    private final Optional<ExportFiles> exports;

    public TableStep(TablePair pair, MigrationOptions options, TableGateway source, TableGateway target,
                     String sourceRegion, String targetRegion) {
        this(pair, options, source, target, sourceRegion, targetRegion, Optional.empty());
    }

    /** With the source's stream, which a pair with catchUp "stream" reads in {@link #catchUp}. */
    public TableStep(TablePair pair, MigrationOptions options, TableGateway source, TableGateway target,
                     String sourceRegion, String targetRegion, Optional<StreamGateway> sourceStream) {
        this(pair, options, source, target, sourceRegion, targetRegion, sourceStream, Optional.empty());
    }

    /** With the S3 files of the source stack, where the pair reads an export. */
    public TableStep(TablePair pair, MigrationOptions options, TableGateway source, TableGateway target,
                     String sourceRegion, String targetRegion, Optional<StreamGateway> sourceStream, Optional<ExportFiles> exports) {
        super(new StepId(TableModule.KIND, pair.name(), pair.at().pair()), pair.source(), pair.target(), source, target);
        this.pair = pair;
        this.options = options;
        this.sourceRegion = sourceRegion;
        this.targetRegion = targetRegion;
        this.sourceStream = sourceStream;
        this.exports = exports;
    }

    /** CATCH_UP only where the pair asks for it (catchUp "stream"). */
    @Override
    public Set<String> readsMaps() {
        Set<String> maps = new TreeSet<>();
        for (Transform t : pair.transforms()) {
            if (t instanceof Transform.MapValue m) {
                m.using().runMapName().ifPresent(maps::add);
            }
        }
        return maps;
    }

    @Override
    public boolean follows() {
        return pair.catchUp() == CatchUp.STREAM;
    }

    @Override
    protected Optional<TableInfo> describe(ResourceState.Side side) {
        return gateway(side).describe(resourceName(side));
    }

    @Override
    protected ResourceState look(ResourceState.Side side, Optional<TableInfo> info, List<Finding> findings) {
        TablePreflight preflight = new TablePreflight(pair, target);
        if (side == ResourceState.Side.SOURCE) {
            pair.export().ifPresent(export -> findings.add(export.started()
                    ? ExportCheck.startable(pair.source(), info.map(i -> source.configuration(pair.source(), i).pointInTimeRecovery())
                            .flatMap(x -> x), export)
                    : ExportCheck.of(export, exports.orElseThrow())));
            return preflight.source(info, sourceRegion, findings);
        }
        return preflight.target(info, targetRegion, findings);
    }

    @Override
    protected void compare(TableInfo sourceInfo, TableInfo targetInfo, List<Finding> findings) {
        findings.addAll(new KeySchemaCheck(pair).compare(sourceInfo, targetInfo));
        // side by side: each side's settings are round trips of their own
        Supplier<TableConfig> sourceConfig = Concurrently.start("settings-" + pair.source(),
                () -> source.configuration(pair.source(), sourceInfo));
        TableConfig targetConfig = target.configuration(pair.target(), targetInfo);
        findings.addAll(ConfigDrift.compare(pair.source(), sourceConfig.get(), pair.target(), targetConfig));
    }

    @Override
    public StepResult copy(StepContext context) {
        UnitCounters counters = new UnitCounters();
        return copying(context, counters::snapshot, file -> {
            Supplier<TableInfo> described = Concurrently.start("describe-" + pair.source(), // side by side with the target's
                    () -> source.describe(pair.source()).orElseThrow());
            TableInfo targetInfo = target.describe(pair.target()).orElseThrow();
            TableInfo sourceInfo = described.get();
            ItemTransformer transformer = ItemTransformer.compile(pair.transforms(), new ValueMaps(context.mapsLayout()));
            Shard slice = context.sliceOf(id);
            Instant scanStart = Instant.now();
            BulkSource bulk = BulkSource.of(id, pair, options, source, exports, sourceInfo, targetInfo.keySchema(), context, PAGE_SIZE);
            Optional<String> backup = backupBeforeWrite(context);
            markStream(context, sourceInfo, bulk.export().map(m -> Instant.parse(m.exportTime())).orElse(scanStart));
            context.progress().started(id, bulk.expectedItems(), "items");
            SegmentCheckpoints checkpoints = new SegmentCheckpoints(context.checkpoints(), id.slug(), bulk.segments(), context.resume());
            List<String> stopped = new TableCopier(bulk.pages(), target, settings(context, bulk.segments(), slice)).copy(pair.source(),
                    targetInfo, transformer, new DeadLetters(file, id.toString(), pair.source(), counters), counters, checkpoints,
                    () -> context.progress().advanced(id, counters.read.get(), counters.failed.get()));
            Map<String, String> outputs = bulk.outputs(slice);
            backup.ifPresent(arn -> outputs.put("backupArn", arn));
            return new StepExecution.Ending(stopped, outputs);
        });
    }

    /** An on-demand backup of the source table (Stack A's rollback point before the switch). */
    @Override
    public StepResult backup(StepContext context) {
        return StepExecution.run(id, () -> StepResult.Counters.ZERO, () -> {
            try {
                return new StepExecution.Ending(List.of(), Map.of("backupArn", source.backup(pair.source(), backupName("-source-"))));
            } catch (RuntimeException e) {
                return new StepExecution.Ending(List.of("could not back up source table " + pair.source() + ": " + AwsErrors.describe(e)
                        + " (this endpoint may not offer backups)"), Map.of());
            }
        });
    }

    /**
     * Where the pair asks for a rollback point: an on-demand backup of the target before a fresh run's first write.
     * Without it nothing is written (the operator asked for a way back).
     */
    private Optional<String> backupBeforeWrite(StepContext context) {
        if (!pair.backupBeforeWrite() || context.resume()) {
            return Optional.empty();
        }
        try {
            return Optional.of(target.backup(pair.target(), backupName("-")));
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not back up target table " + pair.target() + " before writing (backupBeforeWrite at "
                    + pair.at().pair() + "): " + AwsErrors.describe(e) + "; nothing was written (this endpoint may not offer backups)");
        }
    }

    /** {@code migrator-<pair><infix><UTC time>}: a backup name DynamoDB accepts, telling whose and when. */
    private String backupName(String infix) {
        return "migrator-" + pair.name() + infix + BACKUP_TIME.format(Instant.now());
    }

    /**
     * Before the bulk copy writes, where the pair catches up from the stream: records the stream's position as of
     * {@code snapshot}, the scan's start or the export's time (a resumed copy keeps the one its first start recorded).
     */
    private void markStream(StepContext context, TableInfo sourceInfo, Instant snapshot) {
        if (pair.catchUp() != CatchUp.STREAM) {
            return;
        }
        if (sourceInfo.streamArn().isEmpty()) {
            throw new IllegalStateException("source table " + pair.source() + " has no stream to catch up from");
        }
        if (snapshot.isBefore(Instant.now().minus(StreamPosition.RETENTION).plus(StreamPosition.MARGIN))) {
            throw new IllegalStateException("export of " + pair.source() + " was taken at " + snapshot + ", more than 24 hours ago: its "
                    + "stream no longer holds every write since, so catch-up could not complete it; take a fresh export "
                    + "(\"start\": true) or leave \"export\" out; nothing was written");
        }
        String name = streamCheckpoint();
        if (!(context.resume() && StreamPosition.read(context.checkpoints(), name).isPresent())) {
            StreamPosition.mark(context.checkpoints(), name, sourceInfo.streamArn(), snapshot);
        }
    }

    private String streamCheckpoint() {
        return id.slug() + "-stream";
    }

    /**
     * One pass over the source's stream since the position the bulk copy recorded; the outputs say whether it is
     * caught up, how many records it applied, and since when it replays.
     */
    @Override
    public StepResult catchUp(StepContext context) {
        UnitCounters counters = new UnitCounters();
        return copying(context, counters::snapshot, file -> {
            StreamPosition position = StreamPosition.read(context.checkpoints(), streamCheckpoint()).orElseThrow(() ->
                    new IllegalStateException("no stream position recorded for " + id + ": run the bulk copy (migrator run) first"));
            TableInfo targetInfo = target.describe(pair.target()).orElseThrow();
            ItemTransformer transformer = ItemTransformer.compile(pair.transforms(), new ValueMaps(context.layout()));
            StreamCatchUp catchUp = new StreamCatchUp(sourceStream.orElseThrow(), target, pair.target(), transformer,
                    new KeyCheck(targetInfo.keySchema()), context.retry(options.maxRetries()),
                    new DeadLetters(file, id.toString(), pair.source(), counters), counters, options.concurrency());
            StreamCatchUp.Pass pass;
            try {
                pass = catchUp.pass(position, Instant.now());
            } catch (StreamGateway.Trimmed e) {
                return new StepExecution.Ending(List.of(e.getMessage() + "; start over with a fresh bulk copy (migrator run)"), Map.of());
            }
            Optional<Duration> age = pass.newest().map(t -> Duration.between(t, Instant.now()));
            context.progress().caughtUp(id, pass.applied(), age, pass.caughtUp());
            Map<String, String> outputs = new java.util.LinkedHashMap<>();
            outputs.put(CAUGHT_UP, String.valueOf(pass.caughtUp()));
            outputs.put("recordsApplied", String.valueOf(pass.applied()));
            pass.newest().ifPresent(t -> outputs.put("newestApplied", t.toString()));
            outputs.put("since", position.since().toString());
            return new StepExecution.Ending(List.of(), outputs);
        });
    }

    @Override
    protected Replayer replayer(StepContext context, DeadLetterFile stillFailing) throws IOException {
        UnitCounters counters = new UnitCounters();
        TableInfo targetInfo = target.describe(pair.target()).orElseThrow();
        ItemTransformer transformer = ItemTransformer.compile(pair.transforms(), new ValueMaps(context.layout()));
        DeadLetters deadLetters = new DeadLetters(stillFailing, id.toString(), pair.source(), counters);
        TableCopier.Settings settings = settings(context, 1, Shard.WHOLE);
        RetryPolicy retry = context.retry(options.maxRetries());
        TableReplay.Deleter deleter = key -> {
            try {
                retry.run(() -> target.deleteItem(pair.target(), key));
                counters.written.incrementAndGet();
            } catch (RuntimeException e) {
                deadLetters.add(key, ItemDeadLetter.Stage.DELETE, AwsErrors.describe(e));
            }
        };
        TableReplay items = new TableReplay(new BatchWriter(target, pair.target(), settings.maxRetries(), settings.backoff(),
                settings.writeLimit(), settings.writeLimitInItems(), deadLetters, counters, settings.inFlight()), deleter, transformer,
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
                    context.progress(), context.layout().verifySpillDirectory()).verify(id, pair.source(), targetInfo, transformer, pair.seededKeys(), sampleRate);
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

    /** A table that backs up its target first, or follows its stream, runs whole in one shard. */
    @Override
    public boolean splittable() {
        return !pair.backupBeforeWrite() && pair.catchUp() != CatchUp.STREAM;
    }

    private TableCopier.Settings settings(StepContext context, int segments, Shard slice) {
        RateLimiter read = options.readRateLimit().map(l -> RateLimiter.of(l.perSecond())).orElse(RateLimiter.unlimited());
        RateLimiter write = options.writeRateLimit().map(l -> RateLimiter.of(l.perSecond())).orElse(RateLimiter.unlimited());
        boolean readItems = options.readRateLimit().map(l -> l.unit() == MigrationOptions.RateLimit.Unit.ITEMS).orElse(true);
        boolean writeItems = options.writeRateLimit().map(l -> l.unit() == MigrationOptions.RateLimit.Unit.ITEMS).orElse(true);
        return new TableCopier.Settings(options.concurrency(), segments, PAGE_SIZE, options.maxRetries(), context.backoff(),
                read, readItems, write, writeItems, pair.ifTargetNotEmpty() == NonEmptyTargetPolicy.SKIP_EXISTING, context.inFlight(), slice::ownsSegment);
    }
}
