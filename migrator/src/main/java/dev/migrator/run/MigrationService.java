package dev.migrator.run;

import dev.migrator.aws.EndpointResolver;
import dev.migrator.aws.StackClients;
import dev.migrator.engine.Phase;
import dev.migrator.engine.Plan;
import dev.migrator.engine.Preflight;
import dev.migrator.engine.ProgressListener;
import dev.migrator.engine.ResourceState;
import dev.migrator.engine.Sample;
import dev.migrator.engine.Sampleable;
import dev.migrator.engine.Shard;
import dev.migrator.engine.Sharding;
import dev.migrator.engine.Step;
import dev.migrator.engine.StepContext;
import dev.migrator.engine.StoreModule;
import dev.migrator.model.MigrationSchema;
import dev.migrator.schema.LoadResult;
import dev.migrator.schema.SchemaLoader;
import dev.migrator.support.Backoff;
import dev.migrator.support.DeadLetterFile;
import dev.migrator.support.RunLayout;
import dev.migrator.support.InFlightLimit;
import dev.migrator.model.MigrationOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one entry point the commands call: validate, plan, run, verify or replay a schema file. Resolve (load
 * and validate), execute (the command's phases, see {@link PhaseCommand}) and record (report) are kept apart;
 * nothing is written before every preflight has passed.
 */
public final class MigrationService {
    /** Preflight describes resources side by side, a few at a time (whatever the copy's concurrency). */
    private static final int PREFLIGHT_THREADS = 16;

    private final SchemaLoader loader = new SchemaLoader();
    private final EndpointResolver endpoints;
    private final Stores stores;
    private final Backoff backoff;

    public MigrationService(EndpointResolver endpoints) {
        this(endpoints, Stores.BUILT_IN, Backoff.DEFAULT);
    }

    /** With other stores, or another backoff between attempts (tests pass {@link Backoff#NONE}). */
    public MigrationService(EndpointResolver endpoints, Stores stores, Backoff backoff) {
        this.endpoints = endpoints;
        this.stores = stores;
        this.backoff = backoff;
    }

    public LoadResult validate(Path file) {
        return loader.load(file);
    }

    public PlanOutcome plan(Path file) throws IOException {
        return plan(file, 0);
    }

    /** Plans, and with {@code sampleSize > 0} shows that many units per step that can sample, before and after its transforms. */
    public PlanOutcome plan(Path file, int sampleSize) throws IOException {
        LoadResult loaded = loader.load(file);
        if (loaded instanceof LoadResult.Invalid invalid) {
            return new PlanOutcome.Invalid(invalid);
        }
        LoadResult.Valid valid = (LoadResult.Valid) loaded;
        MigrationSchema schema = valid.schema();
        try (StackClients source = clients(schema, schema.source()); StackClients target = clients(schema, schema.target())) {
            Checked checked = check(schema, source, target, false);
            Plan plan = checked.plan();
            List<Preflight> preflights = checked.preflights();
            List<Sample> samples = new ArrayList<>();
            for (Step step : plan.steps()) {
                if (sampleSize > 0 && step instanceof Sampleable sampled && preflights.stream()
                        .anyMatch(p -> p.step().equals(step.id()) && p.resources().stream().allMatch(ResourceState::exists))) {
                    samples.add(sampled.sample(sampleSize));
                }
            }
            return new PlanOutcome.Planned(schema, valid.problems(), checked.stacks().stacks(), preflights, samples);
        }
    }

    public RunOutcome run(Path file, RunSettings settings) throws IOException {
        if (!settings.shard().whole()) {
            return runShard(file, settings);
        }
        Locator state = (schema, root) -> settings.resume() ? RunDirectory.forResume(schema, root) : RunDirectory.create(schema, root);
        String command = settings.resume() ? "run --resume" : "run";
        return prepared(file, settings.stateRoot(), command, state, settings.resume(), "report", prepared -> {
            if (prepared.preflights().stream().anyMatch(Preflight::blocksRun)) {
                return prepared.refused();
            }
            StepContext context = context(prepared, settings.progress(), settings.resume());
            if (!settings.resume()) {
                context.checkpoints().clear();
                DeadLetterFile.setAsideEarlier(context.layout().deadLetterDirectory());
            }
            return new PhaseCommand(PhaseCommand.phases(Phase.COPY, settings.verify()), step -> true, settings.sampleRate())
                    .run(prepared, context);
        });
    }

    /**
     * One shard's part of a run ({@code run --shard I/N}): in its own state directory {@code shards/shard-I-of-N/}, the
     * slices and whole steps {@link Sharding} gives it, no verification (that is one {@code verify} of the whole,
     * once every shard is done). A shard that started before continues from its own checkpoints, as a job engine
     * restarting it expects. Targets count as holding a copy once any shard has started writing; before that an
     * unexpected non-empty target is refused as in any run.
     */
    private RunOutcome runShard(Path file, RunSettings settings) throws IOException {
        try {
            return runShard(file, settings, false);
        } catch (OtherShardsStarted e) {
            return runShard(file, settings, true);
        }
    }

    /**
     * {@code assumeStarted}: plan as if another shard had started. A shard whose preflight finds a target not empty
     * while another shard started writing in the meantime (having found it empty) tries once more that way.
     */
    private RunOutcome runShard(Path file, RunSettings settings, boolean assumeStarted) throws IOException {
        Shard shard = settings.shard();
        java.util.concurrent.atomic.AtomicBoolean resume = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean othersStarted = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<RunDirectory> top = new java.util.concurrent.atomic.AtomicReference<>();
        Locator state = (schema, root) -> {
            top.set(RunDirectory.create(schema, root));
            RunDirectory own = top.get().shard(shard);
            resume.set(settings.resume() || own.started());
            othersStarted.set(assumeStarted || !top.get().startedShards().isEmpty());
            return own;
        };
        return prepared(file, settings.stateRoot(), "run --shard " + shard.index() + "/" + shard.count(), state,
                directory -> resume.get() || othersStarted.get(), "report", prepared -> {
                    if (prepared.preflights().stream().anyMatch(Preflight::blocksRun)) {
                        if (!resume.get() && !othersStarted.get() && !top.get().startedShards().isEmpty()) {
                            throw new OtherShardsStarted();
                        }
                        return prepared.refused();
                    }
                    RunLayout schemaLayout = top.get().layout();
                    Sharding sharding = Sharding.of(shard, prepared.plan().steps(), Optional.of(schemaLayout));
                    RunLayout own = prepared.directory().layout();
                    StepContext plain = context(prepared, ShardMaps.marking(own, settings.progress()), resume.get());
                    StepContext context = new StepContext(plain.layout(), plain.progress(), plain.resume(), plain.backoff(),
                            plain.inFlight(), sharding);
                    if (!resume.get()) {
                        context.checkpoints().clear();
                        DeadLetterFile.setAsideEarlier(context.layout().deadLetterDirectory());
                    }
                    prepared.directory().markStarted();
                    ShardMaps maps = new ShardMaps(schemaLayout, sharding, prepared.plan().steps(), context.progress());
                    List<Step> steps = prepared.plan().steps().stream()
                            .map(s -> s.readsMaps().isEmpty() ? s : (Step) new AwaitingMaps(s, maps)).toList();
                    PhaseCommand.Prepared waiting = new PhaseCommand.Prepared(prepared.schema(), new Plan(prepared.schema(), steps),
                            prepared.preflights(), prepared.directory(), prepared.started());
                    return new PhaseCommand(List.of(Phase.COPY), sharding::runs, 1.0).run(waiting, context);
                });
    }

    /** Another shard started writing while this one preflighted: what its preflight saw in the targets is the run's own. */
    private static final class OtherShardsStarted extends RuntimeException {
        OtherShardsStarted() {
            super(null, null, false, false);
        }
    }

    /**
     * Verifies without copying: the report holds the preflight and the verifications, no step results. The
     * targets are expected to hold the copy; a preflight error that is not a missing resource leaves the
     * verdict NOT_VERIFIED at best.
     */
    public RunOutcome verify(Path file, RunSettings settings) throws IOException {
        return prepared(file, settings.stateRoot(), "verify", RunDirectory::create, true, "verification", prepared -> {
            if (anyMissing(prepared.preflights())) {
                return prepared.refused();
            }
            return new PhaseCommand(List.of(Phase.VERIFY), step -> false, settings.sampleRate())
                    .run(prepared, context(prepared, settings.progress(), false));
        });
    }

    /**
     * Tries every step's dead letters again (steps without any are left out), then verifies unless told
     * not to. The targets hold the run's copy, so only missing resources stop it.
     */
    public RunOutcome replay(Path file, ReplaySettings settings) throws IOException {
        Locator state = (schema, root) -> RunDirectory.forReplay(schema, root, settings.runDirectory());
        return prepared(file, settings.stateRoot(), "replay", state, true, "replay", prepared -> {
            if (anyMissing(prepared.preflights())) {
                return prepared.refused();
            }
            StepContext context = context(prepared, settings.progress(), false);
            return new PhaseCommand(PhaseCommand.phases(Phase.REPLAY, settings.verify()),
                    step -> Files.exists(context.layout().deadLetters(step.id().slug())), 1.0).run(prepared, context);
        });
    }

    /**
     * Catches up with the writes made to the sources since their copy began (table pairs with catchUp "stream"):
     * pass after pass until stopped, or until every one is caught up. Needs the state of an earlier run of this
     * same file (the stream positions its copy recorded).
     */
    public RunOutcome sync(Path file, SyncSettings settings) throws IOException {
        return prepared(file, settings.stateRoot(), "sync", RunDirectory::forSync, true, "sync", prepared -> {
            if (prepared.preflights().stream().anyMatch(Preflight::blocksRun)) {
                return prepared.refused();
            }
            List<Step> following = prepared.plan().steps().stream().filter(s -> s.phases().contains(Phase.CATCH_UP)).toList();
            return new SyncLoop(following, context(prepared, settings.progress(), true), settings.untilCaughtUp(),
                    settings.interval()).run(prepared);
        });
    }

    /**
     * Backs up every source table of the file on demand (a rollback point for Stack A before the switch); the
     * report names each backup's ARN. Reads nothing else and writes nothing to the targets.
     */
    public RunOutcome backup(Path file, RunSettings settings) throws IOException {
        return prepared(file, settings.stateRoot(), "backup", RunDirectory::create, true, "backup", prepared -> {
            if (anyMissing(prepared.preflights())) {
                return prepared.refused();
            }
            return new PhaseCommand(List.of(Phase.BACKUP), step -> true, 1.0).run(prepared, context(prepared, settings.progress(), false));
        });
    }

    /**
     * The go/no-go gate from the state of this file's runs (no AWS call): see {@link Gate}. A file that never ran,
     * or changed since, is NO-GO with that reason.
     */
    public GateOutcome status(Path file, Path stateRoot) throws IOException {
        LoadResult loaded = loader.load(file);
        if (loaded instanceof LoadResult.Invalid invalid) {
            return new GateOutcome.Invalid(invalid);
        }
        MigrationSchema schema = ((LoadResult.Valid) loaded).schema();
        try {
            RunDirectory directory = RunDirectory.forStatus(schema, StateRoot.of(stateRoot, schema));
            double maxLag = schema.options().maxLagSeconds();
            return new GateOutcome.Checked(directory.path(), ShardedGate.applies(directory.layout())
                    ? new ShardedGate(directory.layout(), stores, maxLag).check() : new Gate(directory.layout(), stores, maxLag).check());
        } catch (RunDirectory.Unusable e) {
            return new GateOutcome.Checked(null, new Gate.Answer("NO-GO", List.of(e.getMessage()), List.of(), java.util.Map.of()));
        }
    }

    /** What status found: an invalid file, or the gate's answer ({@code directory} null when there is no state). */
    public sealed interface GateOutcome {
        record Invalid(LoadResult.Invalid load) implements GateOutcome {}

        record Checked(Path directory, Gate.Answer answer) implements GateOutcome {}
    }

    /** A file's plan, what its stacks looked like, and every step's preflight. */
    private record Checked(Plan plan, StackChecks stacks, List<Preflight> preflights) {}

    private Checked check(MigrationSchema schema, StackClients source, StackClients target, boolean targetsHoldCopy) {
        Plan plan = new Planner(stores.modules()).plan(schema, new StoreModule.Stacks(source, target, targetsHoldCopy));
        StackChecks stacks = StackChecks.probe(plan, stores, source, target);
        return new Checked(plan, stacks, stacks.preflight(plan, Math.min(schema.options().concurrency(), PREFLIGHT_THREADS)));
    }

    private StepContext context(PhaseCommand.Prepared prepared, ProgressListener progress, boolean resume) {
        MigrationOptions options = prepared.schema().options();
        InFlightLimit inFlight = options.adaptiveConcurrency()
                ? InFlightLimit.adaptive(MigrationOptions.ADAPTIVE_START, options.concurrency()) : InFlightLimit.fixed(options.concurrency());
        return new StepContext(new RunLayout(prepared.directory().path()), progress, resume, backoff, inFlight);
    }

    private static boolean anyMissing(List<Preflight> preflights) {
        return preflights.stream().anyMatch(p -> p.resources().stream().anyMatch(r -> !r.exists()));
    }

    /** Finds (or makes) the state directory a command works in, or says why there is none. */
    private interface Locator {
        RunDirectory locate(MigrationSchema schema, Path root) throws IOException, RunDirectory.Unusable;
    }

    private interface ReportMaker {
        RunReport make(PhaseCommand.Prepared prepared) throws IOException;
    }

    /**
     * Loads the file, locks its state, plans and preflights, then lets {@code maker} act and writes its report
     * (JSON and HTML, kept per run under reports/, the newest also as {@code <reportName>.json}).
     */
    private RunOutcome prepared(Path file, Path stateRoot, String command, Locator state, boolean targetsHoldCopy,
                                String reportName, ReportMaker maker) throws IOException {
        return prepared(file, stateRoot, command, state, directory -> targetsHoldCopy, reportName, maker);
    }

    /** As above; whether the targets hold a copy already is decided once the state directory is known. */
    private RunOutcome prepared(Path file, Path stateRoot, String command, Locator state,
                                java.util.function.Predicate<RunDirectory> targetsHoldCopy, String reportName, ReportMaker maker)
            throws IOException {
        LoadResult loaded = loader.load(file);
        if (loaded instanceof LoadResult.Invalid invalid) {
            return new RunOutcome.Invalid(invalid);
        }
        MigrationSchema schema = ((LoadResult.Valid) loaded).schema();
        Path root = StateRoot.of(stateRoot, schema);
        RunDirectory directory;
        try {
            directory = state.locate(schema, root);
        } catch (RunDirectory.Unusable e) {
            return new RunOutcome.NoEarlierRun(e.getMessage());
        }
        try (StateLock lock = StateLock.acquire(directory.lockFile(), command + " " + file)) {
            Instant started = Instant.now();
            try (StackClients source = clients(schema, schema.source()); StackClients target = clients(schema, schema.target())) {
                Checked checked = check(schema, source, target, targetsHoldCopy.test(directory));
                RunReport report = maker.make(new PhaseCommand.Prepared(schema, checked.plan(), checked.preflights(), directory, started))
                        .withStacks(checked.stacks().stacks());
                Thread.interrupted(); // the report is written even when Ctrl-C came while it was made
                return new RunOutcome.Reported(schema, report, directory.writeReport(report, reportName, stores), directory.path());
            }
        } catch (StateLock.Held e) {
            return new RunOutcome.Locked(e.getMessage());
        }
    }

    private StackClients clients(MigrationSchema schema, dev.migrator.model.StackSpec stack) {
        return new StackClients(stack, endpoints, schema.options().concurrency() * 2);
    }

    /**
     * How a run is started: where state goes (null: the schema's options.stateDirectory, else ./migration-state),
     * who hears of progress, whether (and how much) to verify at the end.
     */
    public record RunSettings(Path stateRoot, ProgressListener progress, boolean verify, double sampleRate, boolean resume,
                              Shard shard) {
        public RunSettings(Path stateRoot, ProgressListener progress) {
            this(stateRoot, progress, true, 1.0, false);
        }

        public RunSettings(Path stateRoot, ProgressListener progress, boolean verify, double sampleRate, boolean resume) {
            this(stateRoot, progress, verify, sampleRate, resume, Shard.WHOLE);
        }
    }

    /** How a sync is started: the state root (null as for a run), whether to stop once every step is caught up, the pause between passes. */
    public record SyncSettings(Path stateRoot, ProgressListener progress, boolean untilCaughtUp, java.time.Duration interval) {}

    /** How a replay is started: the state root (null as for a run), or the run directory itself when the file changed since that run. */
    public record ReplaySettings(Path stateRoot, Optional<Path> runDirectory, ProgressListener progress, boolean verify) {}
}
