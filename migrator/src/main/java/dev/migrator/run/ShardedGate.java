package dev.migrator.run;

import dev.migrator.support.RunLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gate of a sharded run: every shard {@code 0..N-1} must have run, finished and passed its own gate (copy
 * completed, no dead letters pending), against the one verification of the whole in the schema's directory. A
 * shard that never ran, or whose last run did not finish, makes it NO-GO by name.
 */
final class ShardedGate {
    private static final Pattern NAME = Pattern.compile("shard-(\\d+)-of-(\\d+)");

    private final RunLayout top;
    private final Stores stores;
    private final double maxLagSeconds;

    ShardedGate(RunLayout top, Stores stores, double maxLagSeconds) {
        this.top = top;
        this.stores = stores;
        this.maxLagSeconds = maxLagSeconds;
    }

    static boolean applies(RunLayout layout) {
        return Files.isDirectory(layout.shardsDirectory());
    }

    Gate.Answer check() throws IOException {
        TreeSet<Integer> counts = new TreeSet<>();
        try (var dirs = Files.list(top.shardsDirectory())) {
            for (Path d : dirs.toList()) {
                Matcher m = NAME.matcher(d.getFileName().toString());
                if (m.matches()) {
                    counts.add(Integer.parseInt(m.group(2)));
                }
            }
        }
        if (counts.size() != 1) {
            return new Gate.Answer("NO-GO", List.of(counts.isEmpty() ? "no shard has run yet (" + top.shardsDirectory() + " is empty)"
                    : "shards of different counts ran on this state: " + counts + " (one sharded run uses one --shards N)"),
                    List.of(), Map.of());
        }
        int n = counts.first();
        List<String> reasons = new ArrayList<>();
        List<Gate.StepState> steps = new ArrayList<>();
        Map<String, String> reports = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = "shard " + i + " of " + n;
            RunLayout shard = new RunLayout(top.shardsDirectory().resolve(new dev.migrator.engine.Shard(i, n).directoryName()));
            Path report = shard.newestReport("report", "json");
            if (!Files.exists(report)) {
                reasons.add(name + " never ran" + (Files.exists(shard.startedMarker()) ? " to its end" : "")
                        + ": start it with --shard " + i + "/" + n + " (state " + shard.directory() + ")");
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode last = new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toFile());
            String status = last.path("status").asText();
            if ("COMPLETED".equals(status) && last.path("results").isEmpty()) {
                continue; // nothing was dealt to this shard: every step of the schema runs whole in another one
            }
            if (!"COMPLETED".equals(status)) {
                reasons.add(name + " did not finish: its last run ended " + status + " (run it again with --shard " + i + "/" + n + ")");
            }
            Gate.Answer answer = new Gate(shard, top, stores, maxLagSeconds).check();
            answer.reasons().forEach(r -> reasons.add(name + ": " + r));
            answer.steps().forEach(s -> steps.add(new Gate.StepState(name + " " + s.step(), s.copy(), s.deadLetters(), s.catchUp(),
                    s.verification())));
            answer.reports().forEach((k, v) -> reports.put(name + " " + k, v));
        }
        return new Gate.Answer(reasons.isEmpty() ? "GO" : "NO-GO", reasons, steps, reports);
    }
}
