package dev.migrator.store.bucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrator.engine.ProgressListener;
import dev.migrator.engine.StepId;
import dev.migrator.engine.StepResult;
import dev.migrator.engine.Verification;
import dev.migrator.support.Backoff;
import dev.migrator.support.RetryPolicy;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Tag;

/** Tags and Expires, on single and multipart copies, against moto's S3 (S3Proxy implements neither on copies). */
@ExtendWith(LocalAwsExtension.class)
class BucketTagsAndExpiresTest {

    @Test
    void tagsAndAllHeadersSurviveSingleAndMultipartCopiesIntoTheChosenStorageClass(LocalAws aws, @TempDir Path dir) throws Exception {
        assumeTrue(aws.motoEndpoint().isPresent(), "moto_server is not installed; the tagging tests need it");
        String source = LocalAws.uniqueName("tags-a");
        String target = LocalAws.uniqueName("tags-b");
        try (S3Client s3 = aws.motoS3("us-east-1")) {
            BucketFixtures.create(s3, source, false);
            BucketFixtures.create(s3, target, false);
            for (var object : Map.of("small.txt", BucketFixtures.random(300, 1),
                    "big.bin", BucketFixtures.random(7 * 1024 * 1024 + 5, 2)).entrySet()) {
                s3.putObject(r -> r.bucket(source).key(object.getKey()).contentType("application/x-test")
                        .contentDisposition("inline").contentLanguage("fr").cacheControl("max-age=5").contentEncoding("identity")
                        .expires(Instant.parse("2030-01-02T03:04:05Z")).metadata(Map.of("assetid", object.getKey()))
                        .tagging("classification=internal&owner=stack%20a"), RequestBody.fromBytes(object.getValue()));
            }
            Path schema = BucketSteps.schema(aws.motoEndpoint().get(), aws, dir, source, target,
                    ", \"storageClass\": \"STANDARD_IA\"");

            StepResult.Completed result = (StepResult.Completed) BucketSteps.step(schema, dir, motoGateway(aws, s3), motoGateway(aws, s3));

            assertThat(result.counters()).isEqualTo(new StepResult.Counters(2, 2, 0, 0));
            assertThat(result.outputs()).containsEntry("multipartCopies", "1");
            assertThat(BucketFixtures.contents(s3, target)).isEqualTo(BucketFixtures.contents(s3, source));
            for (String key : new String[] {"small.txt", "big.bin"}) {
                assertThat(BucketFixtures.attributes(s3.headObject(r -> r.bucket(target).key(key)))).as(key)
                        .isEqualTo(BucketFixtures.attributes(s3.headObject(r -> r.bucket(source).key(key))))
                        .containsEntry("Expires", "2030-01-02T03:04:05Z");
                assertThat(s3.headObject(r -> r.bucket(target).key(key)).storageClassAsString()).as(key).isEqualTo("STANDARD_IA");
                assertThat(tags(s3, target, key)).as(key).isEqualTo(tags(s3, source, key))
                        .containsEntry("owner", "stack a");
            }
            assertThat(verify(aws, s3, source, target, dir).matched()).as("the single and the multipart copy verify").isEqualTo(2);

            // the same bytes, headers and tags with another Expires: verification names it
            s3.putObject(r -> r.bucket(target).key("small.txt").contentType("application/x-test").contentDisposition("inline")
                    .contentLanguage("fr").cacheControl("max-age=5").contentEncoding("identity").storageClass("STANDARD_IA")
                    .expires(Instant.parse("2030-01-02T03:04:06Z")).metadata(Map.of("assetid", "small.txt"))
                    .tagging("classification=internal&owner=stack%20a"), RequestBody.fromBytes(BucketFixtures.random(300, 1)));
            Verification tampered = verify(aws, s3, source, target, dir);
            assertThat(tampered.matched()).isEqualTo(1);
            assertThat(tampered.examples()).containsExactly("different: small.txt: headers or user metadata differ");
        }
    }

    private static Verification verify(LocalAws aws, S3Client s3, String source, String target, Path dir) throws InterruptedException {
        return new BucketVerifier(motoGateway(aws, s3), motoGateway(aws, s3), new RetryPolicy(0, Backoff.NONE), 4, ProgressListener.NONE,
                dir.resolve("verify")).verify(new StepId(BucketModule.KIND, "b", "/buckets/0"), source, target,
                new KeyFilter(java.util.List.of(), java.util.List.of()), false, 1.0);
    }

    private static BucketGateway motoGateway(LocalAws aws, S3Client s3) {
        return new SdkBucketGateway(s3, aws.motoEndpoint().get().toString());
    }

    private static Map<String, String> tags(S3Client s3, String bucket, String key) {
        Map<String, String> tags = new TreeMap<>();
        for (Tag t : s3.getObjectTagging(r -> r.bucket(bucket).key(key)).tagSet()) {
            tags.put(t.key(), t.value());
        }
        return tags;
    }
}
