package dev.migrator.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.support.Concurrently;
import dev.migrator.support.DeadLetterFile;
import dev.migrator.support.DeadLetterReplay;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The skeleton every source/target pair step shares, so a store writes only what is its own: how to
 * describe and judge one side, how to copy and how to replay one dead letter. The template reads both
 * sides each guarded on its own (a side that cannot be read is one finding naming it), opens the step's
 * dead-letter file and names it in the outputs when it holds entries, times and ends every phase through
 * {@link StepExecution}, and streams a replay entry by entry with progress.
 *
 * @param <I> what describing one side returns (table, bucket or user pool description)
 * @param <G> the store's gateway, the narrow interface in front of its service
 */
public abstract class PairStep<I, G> implements Replayable {
    protected final StepId id;
    protected final G source;
    protected final G target;
    private final String sourceName;
    private final String targetName;

    /**
     * {@code sourceName} and {@code targetName}: the resources as the schema names them (table, bucket, pool id);
     * {@code source} and {@code target}: the gateways of the two stacks.
     */
    protected PairStep(StepId id, String sourceName, String targetName, G source, G target) {
        this.id = id;
        this.sourceName = sourceName;
        this.targetName = targetName;
        this.source = source;
        this.target = target;
    }

    @Override
    public final StepId id() {
        return id;
    }

    // ---- preflight ----

    /** The resource's name on one side, as the schema gives it. */
    protected final String resourceName(ResourceState.Side side) {
        return side == ResourceState.Side.SOURCE ? sourceName : targetName;
    }

    /** The gateway of one side. */
    protected final G gateway(ResourceState.Side side) {
        return side == ResourceState.Side.SOURCE ? source : target;
    }

    /** The resource on one side, or empty when it does not exist; throws when the side cannot be read. */
    protected abstract Optional<I> describe(ResourceState.Side side);

    /** What preflight shows of one side (adding findings such as "does not exist" or "not empty"). */
    protected abstract ResourceState look(ResourceState.Side side, Optional<I> info, List<Finding> findings);

    /** Findings that need both sides (key schemas, attributes); both exist. */
    protected void compare(I source, I target, List<Finding> findings) {}

    /** Findings about the pair as a whole, once both sides were looked at. */
    protected void review(List<ResourceState> resources, List<Finding> findings) {}

    /** One side as preflight saw it: its description, its state and its own findings. */
    private record Side<I>(Optional<I> info, ResourceState resource, List<Finding> findings) {}

    /**
     * Both sides at once (each a few requests; on a link of tens of milliseconds, reading them one after the
     * other doubled the step's preflight), reported source first; a side that cannot be read is the one finding.
     */
    @Override
    public final Preflight preflight() {
        Supplier<Side<I>> sourceSide = Concurrently.start("preflight-" + id.slug(),
                () -> side(ResourceState.Side.SOURCE));
        Side<I> targetSide = null;
        RuntimeException targetFailure = null;
        try {
            targetSide = side(ResourceState.Side.TARGET);
        } catch (RuntimeException e) {
            targetFailure = e;
        }
        Side<I> source;
        try {
            source = sourceSide.get();
        } catch (RuntimeException e) {
            return unreachable(ResourceState.Side.SOURCE, e);
        }
        if (targetFailure != null) {
            return unreachable(ResourceState.Side.TARGET, targetFailure);
        }
        List<ResourceState> resources = new ArrayList<>(List.of(source.resource(), targetSide.resource()));
        List<Finding> findings = new ArrayList<>(source.findings());
        findings.addAll(targetSide.findings());
        if (source.info().isPresent() && targetSide.info().isPresent()) {
            compare(source.info().get(), targetSide.info().get(), findings);
        }
        review(resources, findings);
        return new Preflight(id, resources, findings);
    }

    private Side<I> side(ResourceState.Side side) {
        Optional<I> info = describe(side);
        List<Finding> findings = new ArrayList<>();
        return new Side<>(info, look(side, info, findings), findings);
    }

    private Preflight unreachable(ResourceState.Side side, RuntimeException e) {
        return Preflight.unreachable(id, side.name().toLowerCase() + " " + id.kind().noun() + " " + resourceName(side), e);
    }

    // ---- copy ----

    /** The copy itself, writing what it cannot copy to {@code deadLetters}. */
    protected interface CopyBody {
        StepExecution.Ending run(DeadLetterFile deadLetters) throws IOException, InterruptedException;
    }

    /**
     * Runs {@code body} with the step's dead-letter file open; the outputs name the file when it holds entries.
     */
    protected final StepResult copying(StepContext context, Supplier<StepResult.Counters> counters, CopyBody body) {
        return StepExecution.run(id, counters, () -> {
            try (DeadLetterFile file = new DeadLetterFile(context.layout().deadLetters(id.slug()))) {
                StepExecution.Ending ending = body.run(file);
                if (file.count() == 0) {
                    return ending;
                }
                Map<String, String> outputs = new LinkedHashMap<>(ending.outputs());
                outputs.put("deadLetters", file.path().toString());
                return new StepExecution.Ending(ending.stopped(), outputs);
            }
        });
    }

    // ---- replay ----

    /** Replays one step's dead letters, one entry at a time; what fails again goes to the file it was given. */
    protected interface Replayer extends AutoCloseable {
        void replay(ObjectNode entry) throws IOException, InterruptedException;

        /** What the replay counts: entries read, units written, skipped and failed again. */
        UnitCounters counters();

        /** Called once every entry was handed over (flush what is batched). */
        default void finish() throws IOException, InterruptedException {}

        /** Outputs beyond the replay's own (maps written, units gone from the source). */
        default Map<String, String> outputs() throws IOException {
            return Map.of();
        }

        @Override
        default void close() throws IOException {}
    }

    /** Opens what replaying needs; entries that fail again go to {@code stillFailing}. */
    protected abstract Replayer replayer(StepContext context, DeadLetterFile stillFailing) throws IOException;

    @Override
    public final StepResult replay(StepContext context) {
        AtomicReference<Replayer> opened = new AtomicReference<>();
        return StepExecution.run(id, () -> opened.get() == null ? StepResult.Counters.ZERO : opened.get().counters().snapshot(), () -> {
            try (DeadLetterReplay replay = new DeadLetterReplay(context.layout().deadLetters(id.slug()));
                 Replayer replayer = replayer(context, replay.stillFailing())) {
                opened.set(replayer);
                context.progress().started(id, replay.countEntries(), "dead letters");
                replay.forEach(entry -> {
                    replayer.replay(entry);
                    context.progress().advanced(id, replayer.counters().read.get(), replayer.counters().failed.get());
                });
                replayer.finish();
                Map<String, String> outputs = new LinkedHashMap<>(replay.commit());
                outputs.putAll(replayer.outputs());
                return new StepExecution.Ending(List.of(), outputs);
            }
        });
    }
}
