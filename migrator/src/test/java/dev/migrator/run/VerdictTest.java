package dev.migrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.model.MigrationSchema;
import dev.migrator.engine.StepId;
import dev.migrator.engine.StepResult;
import dev.migrator.engine.Verification;
import dev.migrator.schema.LoadResult;
import dev.migrator.schema.SchemaLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A verification that could not finish is never "ok": the run's status, exit and verdict say NOT VERIFIED. */
class VerdictTest {
    private static final StepId BUCKET = new StepId(dev.migrator.store.bucket.BucketModule.KIND, "b", "/buckets/0");
    private static final StepId TABLE = new StepId(dev.migrator.store.table.TableModule.KIND, "t", "/tables/0");

    @Test
    void aRunWhoseClosingVerificationCouldNotReadASideIsNotVerified(@TempDir Path dir) throws Exception {
        RunReport report = finished(dir, List.of(ok(TABLE), Verification.notVerified(BUCKET, "could not verify: InternalError (HTTP 500)")));

        assertThat(report.status()).isEqualTo(RunReport.Status.NOT_VERIFIED);
        Verdict verdict = Verdict.of(report);
        assertThat(verdict.go()).isFalse();
        assertThat(verdict.text()).startsWith("NO-GO: NOT VERIFIED").contains("bucket:b: could not be checked: could not verify: InternalError");
        assertThat(Verification.notVerified(BUCKET, "x").ok()).isFalse();
    }

    @Test
    void aProvenMismatchWinsOverANotVerifiedPair(@TempDir Path dir) throws Exception {
        Verification mismatch = new Verification(TABLE, 3, 3, 3, 2, 0, 0, 1, 0, List.of("different: k"), 1, Duration.ZERO, "");
        RunReport report = finished(dir, List.of(mismatch, Verification.notVerified(BUCKET, "interrupted")));

        assertThat(report.status()).isEqualTo(RunReport.Status.MISMATCH);
    }

    @Test
    void onlyFullEqualVerificationsAreGo(@TempDir Path dir) throws Exception {
        assertThat(Verdict.of(finished(dir, List.of(ok(TABLE), ok(BUCKET)))).go()).isTrue();
        Verification sampled = new Verification(TABLE, 10, 0, 5, 5, 0, 0, 0, 0, List.of(), 0.5, Duration.ZERO, "sampled");
        assertThat(Verdict.of(finished(dir, List.of(sampled))).go()).as("a sample proves nothing about the rest").isFalse();
    }

    private static Verification ok(StepId step) {
        return new Verification(step, 3, 3, 3, 3, 0, 0, 0, 0, List.of(), 1, Duration.ZERO, "");
    }

    private static RunReport finished(Path dir, List<Verification> verifications) throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), """
                {"schemaVersion": "1.0", "source": {"region": "us-east-1"}, "target": {"region": "us-east-1"},
                 "buckets": [{"name": "b", "source": "bucket-a", "target": "bucket-b"}]}
                """);
        MigrationSchema schema = ((LoadResult.Valid) new SchemaLoader().load(file)).schema();
        List<StepResult> results = verifications.stream().<StepResult>map(v -> new StepResult.Completed(v.step(),
                new StepResult.Counters(3, 3, 0, 0), Duration.ofSeconds(1), Map.of())).toList();
        return RunReport.finished(schema, Instant.now(), List.of(), results, verifications);
    }
}
