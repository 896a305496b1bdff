package dev.migrator.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.engine.ProgressListener;
import dev.migrator.engine.Sharding;
import dev.migrator.engine.Step;
import dev.migrator.engine.StepId;
import dev.migrator.engine.StepResult;
import dev.migrator.support.OwnerOnlyFiles;
import dev.migrator.support.RunLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The maps of a sharded run. A shard marks each step whose copy ended ({@code done/<slug>}); a step that reads a map
 * waits until that step has ended in every shard that writes a part of the map, then reads the parts merged into the
 * schema's own maps directory (each shard wrote the ids of its own keys, so the parts never overlap).
 */
final class ShardMaps {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(500);

    private final RunLayout top;
    private final Sharding sharding;
    private final List<Step> steps;
    private final ProgressListener progress;

    ShardMaps(RunLayout top, Sharding sharding, List<Step> steps, ProgressListener progress) {
        this.top = top;
        this.sharding = sharding;
        this.steps = List.copyOf(steps);
        this.progress = progress;
    }

    /**
     * A listener that marks a step done in {@code own} once its copy ended (completed or failed: as in one process, a
     * reader waits for its writers to end, not to succeed), then tells {@code next}.
     */
    static ProgressListener marking(RunLayout own, ProgressListener next) {
        return new ProgressListener() {
            @Override
            public void started(StepId step, long expectedUnits, String unitName) {
                next.started(step, expectedUnits, unitName);
            }

            @Override
            public void advanced(StepId step, long doneUnits, long failedUnits) {
                next.advanced(step, doneUnits, failedUnits);
            }

            @Override
            public void transferred(StepId step, long bytes) {
                next.transferred(step, bytes);
            }

            @Override
            public void waiting(StepId step, String what) {
                next.waiting(step, what);
            }

            @Override
            public void finished(StepId step, StepResult result) {
                if (!(result instanceof StepResult.NotRun)) {
                    try {
                        OwnerOnlyFiles.createDirectories(own.doneMarker(step.slug()).getParent());
                        OwnerOnlyFiles.writeAtomically(own.doneMarker(step.slug()), new byte[0]);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException("cannot mark " + step + " done in " + own.directory(), e);
                    }
                }
                next.finished(step, result);
            }
        };
    }

    /** Waits for every shard's part of each map {@code reader} reads, then merges the parts into the schema's maps. */
    void awaitAndMerge(Step reader) throws InterruptedException, IOException {
        for (String map : reader.readsMaps()) {
            for (Step writer : steps) {
                if (!writer.writesMaps().contains(map)) {
                    continue;
                }
                Map<String, String> merged = new TreeMap<>();
                for (int shard : sharding.shardsRunning(writer.id())) {
                    RunLayout part = new RunLayout(top.shardsDirectory().resolve(
                            new dev.migrator.engine.Shard(shard, sharding.shard().count()).directoryName()));
                    awaitDone(reader.id(), writer.id(), shard, part);
                    read(part.mapsDirectory().resolve(map), merged);
                }
                OwnerOnlyFiles.createDirectories(top.mapsDirectory());
                OwnerOnlyFiles.writeAtomically(top.mapsDirectory().resolve(map), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(merged));
            }
        }
    }

    private void awaitDone(StepId reader, StepId writer, int shard, RunLayout part) throws InterruptedException {
        Path done = part.doneMarker(writer.slug());
        if (!Files.exists(done)) {
            progress.waiting(reader, writer + " in shard " + shard + " of " + sharding.shard().count() + " (its map), until "
                    + done + " exists");
        }
        while (!Files.exists(done)) {
            Thread.sleep(POLL.toMillis());
        }
    }

    private static void read(Path file, Map<String, String> into) throws IOException {
        if (Files.exists(file)) {
            JsonNode node = JSON.readTree(file.toFile());
            node.fields().forEachRemaining(e -> into.put(e.getKey(), e.getValue().asText()));
        }
    }
}
