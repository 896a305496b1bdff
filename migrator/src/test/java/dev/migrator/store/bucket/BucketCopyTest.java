package dev.migrator.store.bucket;

import dev.migrator.support.Backoff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.cli.Main;
import dev.migrator.model.BucketPair;
import dev.migrator.engine.ProgressListener;
import dev.migrator.engine.StepContext;
import dev.migrator.engine.StepResult;
import dev.migrator.schema.LoadResult;
import dev.migrator.schema.SchemaLoader;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The bucket step against S3Proxy: exact keys, kept metadata, multipart copies, reruns, and nothing lost under faults. */
@ExtendWith(LocalAwsExtension.class)
class BucketCopyTest {
    private static final String A = "us-east-1";
    private static final String B = "eu-central-1";
    /** Copy source encoding is the classic bug: each of these keys must come out byte for byte. */
    static final List<String> AWKWARD_KEYS = List.of(
            "unicode/ключ-🔑-日本語.txt", "spaces/a b  c .txt", "chars/a+b%20c?d#e=f&g.txt", "chars/%2F%25%.txt",
            "chars/semi;colon,comma'quote\"@$!*(~).txt", "long/" + "k".repeat(1019), "folder/", "empty.bin", "top.txt");

    @Test
    void everyAwkwardKeyAndAllMetadataRoundTripExactly(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("keys-a");
        String target = LocalAws.uniqueName("keys-b");
        try (S3Client s3 = aws.s3(A)) {
            BucketFixtures.create(s3, source, false);
            BucketFixtures.create(s3, target, false);
            for (int i = 0; i < AWKWARD_KEYS.size(); i++) {
                String key = AWKWARD_KEYS.get(i);
                BucketFixtures.put(s3, source, key, key.endsWith("/") || key.equals("empty.bin") ? new byte[0]
                        : BucketFixtures.random(100 + i * 37, i));
            }
            s3.putObject(r -> r.bucket(source).key("meta/full.json").contentType("application/json; charset=utf-8")
                    .contentEncoding("identity").contentLanguage("de-CH").contentDisposition("attachment; filename=\"ü.json\"")
                    .cacheControl("max-age=60")
                    .metadata(Map.of("assetid", "x-42", "uploaded-by", "stack-a")), RequestBody.fromString("{}"));
            StringWriter out = new StringWriter();

            assertThat(BucketSteps.run(BucketSteps.schema(aws, dir, source, target, ""), dir, out)).as(out.toString()).isZero();

            assertThat(BucketFixtures.contents(s3, target)).isEqualTo(BucketFixtures.contents(s3, source)).hasSize(10);
            // no Expires here: S3 keeps it under MetadataDirective COPY, S3Proxy drops it (and verification would say so);
            // BucketTagsAndExpiresTest checks it on moto
            Map<String, String> expected = BucketFixtures.attributes(s3.headObject(r -> r.bucket(source).key("meta/full.json")));
            assertThat(BucketFixtures.attributes(s3.headObject(r -> r.bucket(target).key("meta/full.json"))))
                    .isEqualTo(expected).containsEntry("assetid", "x-42").containsEntry("Content-Language", "de-CH");
            assertThat(out.toString()).contains("10 read, 10 written, 0 skipped, 0 failed");
        }
    }

    @Test
    void largeObjectsAreCopiedInPartsWithTheirMetadataAndARerunSkipsEverything(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("big-a");
        String target = LocalAws.uniqueName("big-b");
        try (S3Client s3 = aws.s3(A)) {
            BucketFixtures.create(s3, source, false);
            BucketFixtures.create(s3, target, false);
            byte[] big = BucketFixtures.random(13 * 1024 * 1024 + 17, 7);
            s3.putObject(r -> r.bucket(source).key("models/big model.glb").contentType("model/gltf-binary")
                    .cacheControl("no-cache").contentDisposition("inline").contentLanguage("en").contentEncoding("identity")
                    .expires(Instant.parse("2031-05-06T07:08:09Z")).metadata(Map.of("assetid", "a-1")), RequestBody.fromBytes(big));
            for (int i = 0; i < 20; i++) {
                BucketFixtures.put(s3, source, "small/" + i, BucketFixtures.random(1000, i));
            }
            Path schema = BucketSteps.schema(aws, dir, source, target, ", \"ifTargetNotEmpty\": \"overwrite\"");

            StepResult.Completed first = (StepResult.Completed) BucketSteps.step(schema, dir, aws, null);

            assertThat(first.counters()).isEqualTo(new StepResult.Counters(21, 21, 0, 0));
            assertThat(first.outputs()).containsEntry("multipartCopies", "1");
            assertThat(BucketFixtures.contents(s3, target)).isEqualTo(BucketFixtures.contents(s3, source));
            var copied = s3.headObject(r -> r.bucket(target).key("models/big model.glb"));
            Map<String, String> expected = new java.util.TreeMap<>(
                    BucketFixtures.attributes(s3.headObject(r -> r.bucket(source).key("models/big model.glb"))));
            expected.put("Expires", "null"); // S3Proxy ignores Expires on CreateMultipartUpload; moto's test checks it
            assertThat(BucketFixtures.attributes(copied)).isEqualTo(expected);
            assertThat(copied.metadata()).containsKey(ObjectAttributes.SOURCE_ETAG);
            assertThat(copied.eTag()).endsWith("-3\"");

            BucketFixtures.put(s3, source, "small/3", "changed in Stack A".getBytes());
            StepResult.Completed rerun = (StepResult.Completed) BucketSteps.step(schema, dir, aws, null);

            assertThat(rerun.counters()).isEqualTo(new StepResult.Counters(21, 1, 20, 0));
            assertThat(BucketFixtures.contents(s3, target)).isEqualTo(BucketFixtures.contents(s3, source));
        }
    }

    @Test
    void aFailedPartAbortsTheUploadAndDeadLettersTheObjectWhileThrottledCopiesAreRetried(LocalAws aws, @TempDir Path dir)
            throws Exception {
        String source = LocalAws.uniqueName("fault-a");
        String target = LocalAws.uniqueName("fault-b");
        try (S3Client s3 = aws.s3(A)) {
            BucketFixtures.create(s3, source, false);
            BucketFixtures.create(s3, target, false);
            BucketFixtures.put(s3, source, "big.bin", BucketFixtures.random(12 * 1024 * 1024, 3));
            for (int i = 0; i < 200; i++) {
                BucketFixtures.put(s3, source, "small/" + i, BucketFixtures.random(200, i));
            }
            Path schema = BucketSteps.schema(aws.s3Endpoint(), aws, source, target, "").option("maxRetries", 12)
                    .write(dir.resolve("schema.json"));
            FaultyBucketGateway faulty = new FaultyBucketGateway(new SdkBucketGateway(s3, aws.s3Endpoint().toString()), 0.3, 2);

            StepResult.Completed result = (StepResult.Completed) BucketSteps.step(schema, dir, aws, faulty);

            assertThat(result.counters()).as(() -> deadLetters(result)).isEqualTo(new StepResult.Counters(201, 200, 0, 1));
            assertThat(faulty.throttled.get()).isPositive();
            assertThat(faulty.aborted.get()).isEqualTo(1);
            assertThat(s3.listMultipartUploads(r -> r.bucket(target)).uploads()).isEmpty();
            assertThat(BucketFixtures.contents(s3, target)).hasSize(200).doesNotContainKey("big.bin");
            List<String> lines = Files.readAllLines(Path.of(result.outputs().get("deadLetters")));
            assertThat(lines).hasSize(1);
            JsonNode letter = new ObjectMapper().readTree(lines.get(0));
            assertThat(letter.get("key").asText()).isEqualTo("big.bin");
            assertThat(letter.get("reason").asText()).contains("InjectedPartFailure").contains("aborted");

            // an object deleted from the source since it was dead-lettered: nothing to copy, named as such
            Files.writeString(Path.of(result.outputs().get("deadLetters")), lines.get(0).replace("big.bin", "vanished.bin") + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
            BucketGateway real = new SdkBucketGateway(s3, aws.s3Endpoint().toString());
            StepResult.Completed replayed = (StepResult.Completed) BucketSteps.replay(schema, dir, real, real);

            assertThat(replayed.counters()).isEqualTo(new StepResult.Counters(2, 1, 1, 0));
            assertThat(replayed.outputs().get("goneFromSource")).startsWith("1 ").contains("vanished.bin");
            assertThat(Path.of(result.outputs().get("deadLetters"))).doesNotExist();
            assertThat(BucketFixtures.contents(s3, target)).isEqualTo(BucketFixtures.contents(s3, source));
        }
    }

    @Test
    void includeAndExcludePrefixesChooseWhatIsCopied(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("filter-a");
        String target = LocalAws.uniqueName("filter-b");
        try (S3Client s3 = aws.s3(A)) {
            BucketFixtures.create(s3, source, false);
            BucketFixtures.create(s3, target, false);
            for (String key : List.of("keep/a", "keep/tmp/b", "keep/c/d", "other/e", "more/f")) {
                BucketFixtures.put(s3, source, key, key.getBytes());
            }

            assertThat(BucketSteps.run(BucketSteps.schema(aws, dir, source, target, ", \"include\": [\"keep/\", \"more/\"], \"exclude\": [\"keep/tmp/\"]"),
                    dir, new StringWriter())).isZero();

            assertThat(BucketFixtures.contents(s3, target)).containsOnlyKeys("keep/a", "keep/c/d", "more/f");
        }
    }

    private static String deadLetters(StepResult.Completed result) {
        try {
            return result.outputs().containsKey("deadLetters") ? Files.readString(Path.of(result.outputs().get("deadLetters"))) : "none";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
