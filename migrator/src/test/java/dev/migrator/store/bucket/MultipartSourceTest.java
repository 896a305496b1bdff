package dev.migrator.store.bucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Sources uploaded in parts (ETag {@code <md5>-<parts>}, as the AWS CLI and transfer managers write files
 * above ~8 MiB), below and above the multipart threshold: the copy verifies equal, on S3Proxy and on moto.
 */
@ExtendWith(LocalAwsExtension.class)
class MultipartSourceTest {
    private static final int MIB = 1024 * 1024;

    @Test
    void partUploadedSourcesVerifyEqualOnS3Proxy(LocalAws aws, @TempDir Path dir) throws Exception {
        try (S3Client s3 = aws.s3("us-east-1")) {
            copiesAndVerifies(aws, s3, aws.s3Endpoint(), dir);
        }
    }

    @Test
    void partUploadedSourcesVerifyEqualOnMoto(LocalAws aws, @TempDir Path dir) throws Exception {
        assumeTrue(aws.motoEndpoint().isPresent(), "moto_server is not installed");
        try (S3Client s3 = aws.motoS3("us-east-1")) {
            copiesAndVerifies(aws, s3, aws.motoEndpoint().get(), dir);
        }
    }

    private static void copiesAndVerifies(LocalAws aws, S3Client s3, URI endpoint, Path dir) throws Exception {
        String source = LocalAws.uniqueName("mps-a");
        String target = LocalAws.uniqueName("mps-b");
        BucketFixtures.create(s3, source, false);
        BucketFixtures.create(s3, target, false);
        String below = uploadInParts(s3, source, "below-threshold.bin", 5 * MIB, 5 * MIB, MIB + 17);
        String above = uploadInParts(s3, source, "above-threshold.bin", 5 * MIB, 5 * MIB, 5 * MIB, 3 * MIB + 5);
        BucketFixtures.put(s3, source, "whole.txt", BucketFixtures.random(1000, 9));
        assertThat(below).as("the emulator gives part uploads a multipart ETag").matches("\"?[0-9a-f]{32}-3\"?");
        assertThat(above).matches("\"?[0-9a-f]{32}-4\"?");
        Path schema = Files.writeString(dir.resolve("schema.json"), """
                {"schemaVersion": "1.0",
                 "source": {"region": "us-east-1", "endpoints": {"s3": "%1$s"}},
                 "target": {"region": "us-east-1", "endpoints": {"s3": "%1$s"}},
                 "buckets": [{"name": "b", "source": "%2$s", "target": "%3$s"}],
                 "options": {"concurrency": 2, "maxRetries": 1, "multipartThreshold": "12MiB", "multipartPartSize": "5MiB"}}
                """.formatted(endpoint, source, target));

        StringWriter out = new StringWriter();
        assertThat(cli(out, "run", schema.toString(), "--state-dir", dir.resolve("state").toString())).as(out.toString()).isZero();
        assertThat(out.toString()).contains("verify bucket:b: ok (source 3, target 3; 3 checked, 3 matched, 0 missing");
        assertThat(BucketFixtures.contents(s3, target)).isEqualTo(BucketFixtures.contents(s3, source));

        StringWriter again = new StringWriter();
        assertThat(cli(again, "verify", schema.toString(), "--state-dir", dir.resolve("state").toString())).as(again.toString())
                .isZero();
        assertThat(again.toString()).contains("0 different").contains("GO: 1 of 1 pairs verified equal");

        StringWriter rerun = new StringWriter();
        cli(rerun, "run", schema.toString(), "--state-dir", dir.resolve("state").toString());
        assertThat(rerun.toString()).as("equal copies are recognised and refused as a non-empty target, not overwritten")
                .contains("not empty");
    }

    /** CreateMultipartUpload, one UploadPart per size, Complete; returns the object's ETag. */
    static String uploadInParts(S3Client s3, String bucket, String key, int... sizes) {
        String upload = s3.createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            int number = i + 1;
            String etag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(upload).partNumber(number),
                    RequestBody.fromBytes(BucketFixtures.random(sizes[number - 1], number))).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        }
        s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(upload).multipartUpload(m -> m.parts(parts)));
        return s3.headObject(r -> r.bucket(bucket).key(key)).eTag();
    }

    private static int cli(StringWriter out, String... args) {
        return dev.migrator.testkit.Cli.run(out, args);
    }
}
