package dev.migrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.support.RunLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate over a state directory's reports: each reason for NO-GO, and the schema's lag threshold. */
class GateTest {
    private static final String STEP = "{\"kind\": \"TABLE\", \"name\": \"t\", \"pointer\": \"/tables/0\"}";

    @Test
    void goOnlyWhenCopiedCaughtUpWithinTheThresholdAndVerifiedAfterTheLastWrite(@TempDir Path dir) throws Exception {
        RunLayout layout = new RunLayout(dir);
        Files.createDirectories(layout.checkpoints().directory());
        Files.writeString(layout.checkpoints().directory().resolve("table-t-stream.json"), "{}");
        report(layout, "report", "2026-12-01T10:00:00Z", "\"results\": [" + result(10, "{}") + "], \"verifications\": []");
        report(layout, "sync", "2026-12-01T10:05:00Z", "\"results\": [" + result(5,
                "{\"caughtUp\": \"false\", \"newestApplied\": \"2026-12-01T10:04:57Z\"}") + "], \"verifications\": []");
        report(layout, "verification", "2026-12-01T10:06:00Z", "\"results\": [], \"verifications\": [{\"step\": " + STEP
                + ", \"missing\": 0, \"extra\": 0, \"different\": 0, \"finished\": true, \"sampleRate\": 1.0}]");

        Gate.Answer strict = new Gate(layout).check();
        assertThat(strict.verdict()).isEqualTo("NO-GO");
        assertThat(strict.reasons()).singleElement().asString().contains("table:t: not caught up at the last sync");

        assertThat(new Gate(layout, Stores.BUILT_IN, 5).check().verdict()).as("3 s behind with a 5 s threshold").isEqualTo("GO");

        Files.createDirectories(layout.deadLetterDirectory());
        Files.writeString(layout.deadLetters("table-t"), "{}\n{}\n");
        assertThat(new Gate(layout, Stores.BUILT_IN, 5).check().reasons()).singleElement().asString().contains("table:t: 2 dead letter(s) pending");
    }

    private static String result(int written, String outputs) {
        return "{\"outcome\": \"Completed\", \"step\": " + STEP + ", \"counters\": {\"read\": " + written + ", \"written\": " + written
                + ", \"skipped\": 0, \"failed\": 0}, \"outputs\": " + outputs + "}";
    }

    private static void report(RunLayout layout, String name, String finishedAt, String body) throws Exception {
        Files.writeString(layout.newestReport(name, "json"), "{\"status\": \"COMPLETED\", \"finishedAt\": \"" + finishedAt + "\", " + body + "}");
    }
}
