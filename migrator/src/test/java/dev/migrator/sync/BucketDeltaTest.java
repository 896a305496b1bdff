package dev.migrator.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testkit.Cli;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import dev.migrator.testkit.SchemaBuilder;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** A bucket with catchUp "delta": objects added and changed after the copy reach the target in a sync pass. */
@ExtendWith(LocalAwsExtension.class)
class BucketDeltaTest {
    private static final String REGION = "us-east-1";

    @Test
    void aDeltaPassCopiesWhatIsNewOrChangedThenFindsNothingMore(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("delta-a");
        String target = LocalAws.uniqueName("delta-b");
        try (S3Client s3 = aws.s3(REGION)) {
            s3.createBucket(r -> r.bucket(source));
            s3.createBucket(r -> r.bucket(target));
            for (int i = 0; i < 20; i++) {
                put(s3, source, "k/" + i, "first " + i);
            }
            Path schema = SchemaBuilder.between(REGION, REGION).endpoint("s3", aws.s3Endpoint())
                    .bucket("b", source, target, Map.of("catchUp", "delta")).write(dir.resolve("schema.json"));
            String state = dir.resolve("state").toString();
            StringWriter run = new StringWriter();
            assertThat(Cli.run(run, "run", schema.toString(), "--state-dir", state)).as(run.toString()).isZero();
            assertThat(run.toString()).as("no concurrency in the schema: adaptive, and the step says where it settled")
                    .containsPattern("concurrency: adaptive: \\d+ in flight at the end \\(4-128, peak \\d+;");

            put(s3, source, "k/3", "changed after the copy");
            put(s3, source, "k/new", "added after the copy");
            StringWriter sync = new StringWriter();
            assertThat(Cli.run(sync, "sync", schema.toString(), "--state-dir", state, "--until-caught-up", "--interval", "0"))
                    .as(sync.toString()).isZero();

            assertThat(sync.toString()).contains("bucket:b 2 change(s) applied; still reading", "bucket:b 0 change(s) applied; caught up");
            assertThat(sync.toString()).containsPattern("copied: (k/3, k/new|k/new, k/3)");
            assertThat(s3.getObjectAsBytes(r -> r.bucket(target).key("k/3")).asUtf8String()).isEqualTo("changed after the copy");
            assertThat(s3.getObjectAsBytes(r -> r.bucket(target).key("k/new")).asUtf8String()).isEqualTo("added after the copy");
            StringWriter verify = new StringWriter();
            assertThat(Cli.run(verify, "verify", schema.toString(), "--state-dir", state)).as(verify.toString()).isZero();
            StringWriter gate = new StringWriter();
            assertThat(Cli.run(gate, "status", schema.toString(), "--state-dir", state)).as(gate.toString()).isZero();
        }
    }

    @Test
    void withVersionsAllADeltaPassAppendsTheNewVersionsAndMapsThem(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("vdelta-a");
        String target = LocalAws.uniqueName("vdelta-b");
        try (S3Client s3 = aws.s3(REGION)) {
            for (String bucket : new String[] {source, target}) {
                s3.createBucket(r -> r.bucket(bucket));
                s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
            }
            put(s3, source, "doc", "v1");
            Path schema = SchemaBuilder.between(REGION, REGION).endpoint("s3", aws.s3Endpoint())
                    .bucket("b", source, target, Map.of("catchUp", "delta", "versions", "all")).write(dir.resolve("schema.json"));
            String state = dir.resolve("state").toString();
            StringWriter run = new StringWriter();
            assertThat(Cli.run(run, "run", schema.toString(), "--state-dir", state)).as(run.toString()).isZero();

            put(s3, source, "doc", "v2");
            StringWriter sync = new StringWriter();
            assertThat(Cli.run(sync, "sync", schema.toString(), "--state-dir", state, "--until-caught-up", "--interval", "0"))
                    .as(sync.toString()).isZero();

            assertThat(s3.listObjectVersions(r -> r.bucket(target)).versions()).hasSize(2);
            assertThat(s3.getObjectAsBytes(r -> r.bucket(target).key("doc")).asUtf8String()).isEqualTo("v2");
            try (var files = java.nio.file.Files.walk(dir.resolve("state"))) {
                Path map = files.filter(p -> p.getFileName().toString().equals("s3-versions-b.json")).findFirst().orElseThrow();
                assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(map.toFile()).size()).isEqualTo(2);
            }
        }
    }

    @Test
    void deleteRemovedDeletesWhatTheSourceLostButNeverWhatStackBHeldBefore(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("gone-a");
        String target = LocalAws.uniqueName("gone-b");
        try (S3Client s3 = aws.s3(REGION)) {
            s3.createBucket(r -> r.bucket(source));
            s3.createBucket(r -> r.bucket(target));
            for (int i = 0; i < 10; i++) {
                put(s3, source, "data/" + i, "object " + i);
            }
            put(s3, target, "data/stack-b-own", "seeded by Stack B's deployment");
            Path schema = SchemaBuilder.between(REGION, REGION).endpoint("s3", aws.s3Endpoint())
                    .bucket("b", source, target, Map.of("catchUp", "delta", "deleteRemoved", true, "ifTargetNotEmpty", "overwrite"))
                    .write(dir.resolve("schema.json"));
            String state = dir.resolve("state").toString();
            StringWriter run = new StringWriter();
            assertThat(Cli.run(run, "run", schema.toString(), "--state-dir", state, "--no-verify")).as(run.toString()).isZero();

            s3.deleteObject(r -> r.bucket(source).key("data/3"));
            s3.deleteObject(r -> r.bucket(source).key("data/7"));
            StringWriter sync = new StringWriter();
            assertThat(Cli.run(sync, "sync", schema.toString(), "--state-dir", state, "--until-caught-up", "--interval", "0"))
                    .as(sync.toString()).isZero();

            assertThat(s3.listObjectsV2(r -> r.bucket(target)).contents()).extracting(o -> o.key())
                    .contains("data/stack-b-own", "data/0", "data/9").doesNotContain("data/3", "data/7").hasSize(9);
            assertThat(sync.toString()).contains("objectsDeleted: 2");
            assertThat(sync.toString()).contains("deleted: data/3, data/7");
        }
    }

    private static void put(S3Client s3, String bucket, String key, String body) {
        s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(body));
    }
}
