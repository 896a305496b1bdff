package dev.migrator.run;

import dev.migrator.aws.EndpointResolver;
import dev.migrator.aws.SdkStackGateways;
import dev.migrator.aws.StackClients;
import dev.migrator.deadletter.DeadLetterFile;
import dev.migrator.model.MigrationSchema;
import dev.migrator.plan.Plan;
import dev.migrator.plan.Planner;
import dev.migrator.plan.Preflight;
import dev.migrator.plan.ProgressListener;
import dev.migrator.plan.ResourceState;
import dev.migrator.plan.Step;
import dev.migrator.plan.StepContext;
import dev.migrator.plan.StepResult;
import dev.migrator.plan.Verification;
import dev.migrator.schema.LoadResult;
import dev.migrator.schema.SchemaLoader;
import dev.migrator.table.TableSample;
import dev.migrator.table.TableStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The one entry point the commands call: validate, plan or run a schema file. Resolve (load and
 * validate), execute (steps) and record (report) are kept apart; nothing is written before every
 * preflight has passed.
 */
public final class MigrationService {
    private final SchemaLoader loader = new SchemaLoader();
    private final EndpointResolver endpoints;

    public MigrationService(EndpointResolver endpoints) {
        this.endpoints = endpoints;
    }

    public LoadResult validate(Path file) {
        return loader.load(file);
    }

    public PlanOutcome plan(Path file) throws IOException {
        return plan(file, 0);
    }

    /** Plans, and with {@code sampleSize > 0} shows that many items per table before and after its transforms. */
    public PlanOutcome plan(Path file, int sampleSize) throws IOException {
        LoadResult loaded = loader.load(file);
        if (loaded instanceof LoadResult.Invalid invalid) {
            return new PlanOutcome.Invalid(invalid);
        }
        LoadResult.Valid valid = (LoadResult.Valid) loaded;
        MigrationSchema schema = valid.schema();
        try (SdkStackGateways source = gateways(schema, schema.source());
             SdkStackGateways target = gateways(schema, schema.target())) {
            Plan plan = new Planner().plan(schema, source, target);
            StackChecks stacks = StackChecks.probe(schema, source, target);
            List<Preflight> preflights = stacks.preflight(plan, schema.options().concurrency());
            List<TableSample> samples = new ArrayList<>();
            if (sampleSize > 0) {
                for (Step step : plan.steps()) {
                    if (step instanceof TableStep table && preflights.stream()
                            .anyMatch(p -> p.step().equals(step.id()) && p.resources().stream().allMatch(ResourceState::exists))) {
                        samples.add(table.sample(sampleSize));
                    }
                }
            }
            return new PlanOutcome.Planned(schema, valid.problems(), stacks.stacks(), preflights, samples);
        }
    }

    public RunOutcome run(Path file, RunSettings settings) throws IOException {
        Locator state = (schema, root) -> settings.resume() ? RunDirectory.forResume(schema, root)
                : RunDirectory.create(schema, root);
        String command = settings.resume() ? "run --resume" : "run";
        return prepared(file, settings.stateRoot(), command, state, settings.resume(), "report",
                (schema, plan, preflights, directory, started) -> {
            if (preflights.stream().anyMatch(Preflight::blocksRun)) {
                return RunReport.refused(schema, started, preflights);
            }
            StepContext context = new StepContext(directory.path(), settings.progress(), settings.resume());
            if (!settings.resume()) {
                context.checkpoints().clear();
                DeadLetterFile.setAsideEarlier(directory.path());
            }
            List<StepResult> results = each(plan.steps(), context, Step::execute);
            if (Thread.interrupted()) {
                return RunReport.interrupted(schema, started, preflights, results);
            }
            List<Verification> verifications = settings.verify() ? verify(plan, preflights, context, settings.sampleRate()) : List.of();
            return finished(schema, started, preflights, results, verifications);
        });
    }

    /**
     * Verifies without copying: the report holds the preflight and the verifications, no step results. The
     * targets are expected to hold the copy; a preflight error that is not a missing resource leaves the
     * verdict NOT_VERIFIED at best.
     */
    public RunOutcome verify(Path file, RunSettings settings) throws IOException {
        return prepared(file, settings.stateRoot(), "verify", RunDirectory::create, true, "verification",
                (schema, plan, preflights, directory, started) -> {
            if (anyMissing(preflights)) {
                return RunReport.refused(schema, started, preflights);
            }
            StepContext context = new StepContext(directory.path(), settings.progress());
            List<Verification> verifications = verify(plan, preflights, context, settings.sampleRate());
            return finished(schema, started, preflights, List.of(), verifications);
        });
    }

    /**
     * Tries every step's dead letters again (steps without any are left out), then verifies unless told
     * not to. The targets hold the run's copy, so only missing resources stop it.
     */
    public RunOutcome replay(Path file, ReplaySettings settings) throws IOException {
        Locator state = (schema, root) -> RunDirectory.forReplay(schema, root, settings.runDirectory());
        return prepared(file, settings.stateRoot(), "replay", state, true, "replay", (schema, plan, preflights, directory, started) -> {
            if (anyMissing(preflights)) {
                return RunReport.refused(schema, started, preflights);
            }
            StepContext context = new StepContext(directory.path(), settings.progress());
            List<Step> withDeadLetters = plan.steps().stream()
                    .filter(step -> Files.exists(DeadLetterFile.pathOf(directory.path(), step.id()))).toList();
            List<StepResult> results = each(withDeadLetters, context, Step::replay);
            if (Thread.interrupted()) {
                return RunReport.interrupted(schema, started, preflights, results);
            }
            boolean verify = settings.verify() && !results.isEmpty();
            List<Verification> verifications = verify ? verify(plan, preflights, context, 1.0) : List.of();
            return finished(schema, started, preflights, results, verifications);
        });
    }

    /** The report of a command that got to its end, or INTERRUPTED when Ctrl-C stopped its verification. */
    private static RunReport finished(MigrationSchema schema, Instant started, List<Preflight> preflights, List<StepResult> results,
                                      List<Verification> verifications) {
        if (Thread.interrupted()) {
            return RunReport.interrupted(schema, started, preflights, results);
        }
        return RunReport.finished(schema, started, preflights, results, verifications);
    }

    private static boolean anyMissing(List<Preflight> preflights) {
        return preflights.stream().anyMatch(p -> p.resources().stream().anyMatch(r -> !r.exists()));
    }

    /** Finds (or makes) the state directory a command works in, or says why there is none. */
    private interface Locator {
        RunDirectory locate(MigrationSchema schema, Path root) throws IOException, RunDirectory.Unusable;
    }

    private interface ReportMaker {
        RunReport make(MigrationSchema schema, Plan plan, List<Preflight> preflights, RunDirectory directory, Instant started)
                throws IOException;
    }

    /**
     * Loads the file, locks its state, plans and preflights, then lets {@code maker} act and writes its report
     * (JSON and HTML, kept per run under reports/, the newest also as {@code <reportName>.json}).
     */
    private RunOutcome prepared(Path file, Path stateRoot, String command, Locator state, boolean targetsHoldCopy,
                                String reportName, ReportMaker maker) throws IOException {
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
            try (SdkStackGateways source = gateways(schema, schema.source());
                 SdkStackGateways target = gateways(schema, schema.target())) {
                Plan plan = new Planner(targetsHoldCopy).plan(schema, source, target);
                StackChecks stacks = StackChecks.probe(schema, source, target);
                List<Preflight> preflights = stacks.preflight(plan, schema.options().concurrency());
                RunReport report = maker.make(schema, plan, preflights, directory, started).withStacks(stacks.stacks());
                Thread.interrupted(); // the report is written even when Ctrl-C came while it was made
                return new RunOutcome.Reported(schema, report, directory.writeReport(report, reportName), directory.path());
            }
        } catch (StateLock.Held e) {
            return new RunOutcome.Locked(e.getMessage());
        }
    }

    /** Runs {@code action} (execute or replay) on each step in order, telling the progress listener as each ends. */
    private static List<StepResult> each(List<Step> steps, StepContext context, BiFunction<Step, StepContext, StepResult> action) {
        List<StepResult> results = new ArrayList<>();
        for (Step step : steps) {
            StepResult result = Thread.currentThread().isInterrupted()
                    ? new StepResult.NotRun(step.id(), "interrupted before it started") : action.apply(step, context);
            context.progress().finished(step.id(), result);
            results.add(result);
        }
        return results;
    }

    /** A step whose stack preflight could not use at all is not verified, and not asked again. */
    private static Optional<String> unreadable(List<Preflight> preflights, Step step) {
        return preflights.stream().filter(p -> p.step().equals(step.id())).flatMap(p -> p.notCheckedReason().stream()).findFirst();
    }

    private static List<Verification> verify(Plan plan, List<Preflight> preflights, StepContext context, double sampleRate) {
        List<Verification> verifications = new ArrayList<>();
        for (Step step : plan.steps()) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            Verification v = unreadable(preflights, step).map(why -> Verification.notVerified(step.id(), why))
                    .orElseGet(() -> step.verify(context, sampleRate));
            context.progress().verified(v);
            verifications.add(v);
        }
        return verifications;
    }

    private SdkStackGateways gateways(MigrationSchema schema, dev.migrator.model.StackSpec stack) {
        return new SdkStackGateways(new StackClients(stack, endpoints, schema.options().concurrency() * 2));
    }

    /**
     * How a run is started: where state goes (null: the schema's options.stateDirectory, else ./migration-state),
     * who hears of progress, whether (and how much) to verify at the end.
     */
    public record RunSettings(Path stateRoot, ProgressListener progress, boolean verify, double sampleRate, boolean resume) {
        public RunSettings(Path stateRoot, ProgressListener progress) {
            this(stateRoot, progress, true, 1.0, false);
        }
    }

    /** How a replay is started: the state root (null as for a run), or the run directory itself when the file changed since that run. */
    public record ReplaySettings(Path stateRoot, Optional<Path> runDirectory, ProgressListener progress, boolean verify) {}
}
