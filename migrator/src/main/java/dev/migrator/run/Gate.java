package dev.migrator.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.support.RunLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The go/no-go gate a pipeline asks before switching to Stack B ({@code migrator status}), from the state a
 * schema's runs left, without calling AWS: GO only when every step's copy completed, no dead letters are
 * pending, every step that follows its source's stream caught up in a sync after the copy, and a full
 * verification after the last write (run, sync or replay) found every unit equal. Otherwise NO-GO, with a
 * reason per step. Verify after writes to Stack A are frozen: the gate cannot see Stack A's traffic.
 */
public final class Gate {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The gate's answer; {@code steps} says per step what it found. */
    public record Answer(String verdict, List<String> reasons, List<StepState> steps, Map<String, String> reports) {
        public boolean go() {
            return "GO".equals(verdict);
        }
    }

    /** One step: its copy (completed, failed, not run), dead letters pending, catch-up and verification state. */
    public record StepState(String step, String copy, long deadLetters, String catchUp, String verification) {}

    private final RunLayout layout;
    private final RunLayout verificationLayout;
    private final Stores stores;
    private final double maxLagSeconds;

    public Gate(RunLayout layout) {
        this(layout, Stores.BUILT_IN, 0);
    }

    /**
     * {@code stores}: whose kinds name the steps in the reports; {@code maxLagSeconds}: how far behind a followed
     * step's last sync may have ended and still count as caught up.
     */
    public Gate(RunLayout layout, Stores stores, double maxLagSeconds) {
        this(layout, layout, stores, maxLagSeconds);
    }

    /** A shard's gate: its own runs in {@code layout}, the verification of the whole in {@code verificationLayout}. */
    Gate(RunLayout layout, RunLayout verificationLayout, Stores stores, double maxLagSeconds) {
        this.layout = layout;
        this.verificationLayout = verificationLayout;
        this.stores = stores;
        this.maxLagSeconds = maxLagSeconds;
    }

    public Answer check() throws IOException {
        List<String> reasons = new ArrayList<>();
        Map<String, String> reports = new LinkedHashMap<>();
        Optional<JsonNode> run = read("report", reports);
        Optional<JsonNode> replay = read("replay", reports);
        Optional<JsonNode> sync = read("sync", reports);
        Optional<JsonNode> verification = read(verificationLayout, "verification", reports);
        if (run.isEmpty()) {
            return new Answer("NO-GO", List.of("no run of this file has finished yet: migrator run FILE"), List.of(), reports);
        }
        Instant lastWrite = latest(finished(run), replay.filter(Gate::wrote).map(Gate::finished), sync.filter(Gate::wrote).map(Gate::finished));
        Optional<JsonNode> verified = newestVerification(run, replay, verification);
        List<StepState> steps = new ArrayList<>();
        for (JsonNode result : run.get().path("results")) {
            String step = label(result.path("step"));
            String copy = copyState(result, run.get(), replay);
            long pending = deadLetters(result.path("step"));
            String catchUp = catchUpState(result.path("step"), run.get(), sync);
            String check = verificationState(result.path("step"), verified, lastWrite);
            steps.add(new StepState(step, copy, pending, catchUp, check));
            if (!"completed".equals(copy)) {
                reasons.add(step + ": copy " + copy);
            }
            if (pending > 0) {
                reasons.add(step + ": " + pending + " dead letter(s) pending in " + layout.deadLetterDirectory() + " (migrator replay FILE)");
            }
            if (!catchUp.equals("not followed") && !catchUp.equals("caught up")) {
                reasons.add(step + ": " + catchUp);
            }
            if (!"verified".equals(check)) {
                reasons.add(step + ": " + check);
            }
        }
        if (run.get().path("results").isEmpty()) {
            reasons.add("the last run copied nothing (status " + run.get().path("status").asText() + ")");
        }
        return new Answer(reasons.isEmpty() ? "GO" : "NO-GO", reasons, steps, reports);
    }

    private Optional<JsonNode> read(String name, Map<String, String> reports) throws IOException {
        return read(layout, name, reports);
    }

    private static Optional<JsonNode> read(RunLayout in, String name, Map<String, String> reports) throws IOException {
        Path file = in.newestReport(name, "json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        reports.put(name, file.toString());
        return Optional.of(JSON.readTree(file.toFile()));
    }

    private static Instant finished(Optional<JsonNode> report) {
        return report.map(Gate::finished).orElse(Instant.EPOCH);
    }

    private static Instant finished(JsonNode report) {
        return Instant.parse(report.path("finishedAt").asText(Instant.EPOCH.toString()));
    }

    /** Whether a replay or sync wrote anything to a target (one that applied nothing leaves a verification valid). */
    private static boolean wrote(JsonNode report) {
        for (JsonNode result : report.path("results")) {
            if (result.path("counters").path("written").asLong() > 0) {
                return true;
            }
        }
        return false;
    }

    @SafeVarargs
    private static Instant latest(Instant first, Optional<Instant>... more) {
        Instant latest = first;
        for (Optional<Instant> m : more) {
            if (m.isPresent() && m.get().isAfter(latest)) {
                latest = m.get();
            }
        }
        return latest;
    }

    /** The newest report that holds verifications (run, replay or verify). */
    private static Optional<JsonNode> newestVerification(Optional<JsonNode> run, Optional<JsonNode> replay, Optional<JsonNode> verify) {
        return java.util.stream.Stream.of(run, replay, verify).flatMap(Optional::stream)
                .filter(r -> !r.path("verifications").isEmpty())
                .max(java.util.Comparator.comparing(Gate::finished));
    }

    private static boolean same(JsonNode a, JsonNode b) {
        return a.path("kind").asText().equals(b.path("kind").asText()) && a.path("name").asText().equals(b.path("name").asText());
    }

    private static Optional<JsonNode> resultOf(JsonNode step, Optional<JsonNode> report) {
        return report.flatMap(r -> java.util.stream.StreamSupport.stream(r.path("results").spliterator(), false)
                .filter(x -> same(x.path("step"), step)).findFirst());
    }

    /** The run's outcome, or a later replay's where one ran for the step. */
    private static String copyState(JsonNode result, JsonNode run, Optional<JsonNode> replay) {
        JsonNode latest = resultOf(result.path("step"), replay)
                .filter(x -> finished(replay.get()).isAfter(finished(run))).orElse(result);
        return switch (latest.path("outcome").asText()) {
            case "Completed" -> "completed";
            case "Failed" -> "failed: " + latest.path("reason").asText();
            default -> "not run: " + latest.path("reason").asText();
        };
    }

    private long deadLetters(JsonNode step) throws IOException {
        Path file = layout.deadLetters(slug(step));
        if (!Files.exists(file)) {
            return 0;
        }
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).count();
        }
    }

    /** Steps with a recorded stream position follow their source: their newest sync after the run must be caught up. */
    private String catchUpState(JsonNode step, JsonNode run, Optional<JsonNode> sync) {
        if (!Files.exists(layout.checkpoints().directory().resolve(slug(step) + "-stream.json"))) {
            return "not followed";
        }
        Optional<JsonNode> result = resultOf(step, sync).filter(x -> !finished(sync.get()).isBefore(finished(run)));
        if (result.isEmpty()) {
            return "not caught up: no sync since the copy (migrator sync FILE --until-caught-up)";
        }
        if ("true".equals(result.get().path("outputs").path("caughtUp").asText())) {
            return "caught up";
        }
        Optional<Instant> newest = Optional.of(result.get().path("outputs").path("newestApplied").asText(""))
                .filter(t -> !t.isEmpty()).map(Instant::parse);
        if (maxLagSeconds > 0 && newest.isPresent()
                && java.time.Duration.between(newest.get(), finished(sync.get())).toMillis() <= maxLagSeconds * 1000) {
            return "caught up";
        }
        return "not caught up at the last sync (" + finished(sync.get()) + newest.map(n -> "; newest change applied " + n).orElse("")
                + (maxLagSeconds > 0 ? "; options.maxLagSeconds is " + maxLagSeconds : "") + ")";
    }

    private static String verificationState(JsonNode step, Optional<JsonNode> report, Instant lastWrite) {
        Optional<JsonNode> v = report.flatMap(r -> java.util.stream.StreamSupport.stream(r.path("verifications").spliterator(), false)
                .filter(x -> same(x.path("step"), step)).findFirst());
        if (v.isEmpty()) {
            return "not verified: migrator verify FILE";
        }
        if (finished(report.get()).isBefore(lastWrite)) {
            return "verified before the last write (" + lastWrite + "): verify again";
        }
        JsonNode x = v.get();
        long mismatches = x.path("missing").asLong() + x.path("extra").asLong() + x.path("different").asLong();
        if (mismatches > 0) {
            return "MISMATCH: " + mismatches + " unit(s) missing, extra or different";
        }
        if (!x.path("finished").asBoolean(true)) {
            return "NOT VERIFIED: " + x.path("note").asText();
        }
        return x.path("sampleRate").asDouble(1) < 1 ? "sampled only: verify in full" : "verified";
    }

    private String slug(JsonNode step) {
        return kind(step).map(k -> k.filePrefix()).orElse(step.path("kind").asText().toLowerCase()) + "-" + step.path("name").asText();
    }

    private String label(JsonNode step) {
        return kind(step).map(k -> k.label()).orElse(step.path("kind").asText().toLowerCase()) + ":" + step.path("name").asText();
    }

    private Optional<dev.migrator.engine.StepId.Kind> kind(JsonNode step) {
        return stores.modules().stream().map(m -> m.kind()).filter(k -> k.name().equals(step.path("kind").asText())).findFirst();
    }
}
