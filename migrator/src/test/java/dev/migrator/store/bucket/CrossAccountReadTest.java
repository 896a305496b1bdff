package dev.migrator.store.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.engine.Finding;
import dev.migrator.engine.Preflight;
import dev.migrator.schema.LoadResult;
import dev.migrator.schema.SchemaLoader;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Copies are issued with Stack B's credentials: preflight reads one source object with them. Where Stack A's bucket
 * does not let Stack B read, the run is refused with the bucket policy statement to add, the real ARNs filled in.
 */
@ExtendWith(LocalAwsExtension.class)
class CrossAccountReadTest {

    @Test
    void aSourceBucketStackBCannotReadIsRefusedWithThePolicyStatementToAdd(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("xacct-a");
        String target = LocalAws.uniqueName("xacct-b");
        try (S3Client s3 = aws.s3(BucketSteps.A)) {
            BucketFixtures.create(s3, source, false);
            BucketFixtures.create(s3, target, false);
            BucketFixtures.put(s3, source, "one", new byte[] {1});
            BucketGateway real = new SdkBucketGateway(s3, aws.s3Endpoint().toString());
            BucketGateway stackB = InterceptedGateway.of(real, (method, args) -> {
                if (method.equals("head") && source.equals(args[0])) {
                    throw S3Exception.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("AccessDenied").errorMessage("Access Denied").build()).build();
                }
            });
            Path schema = BucketSteps.schema(aws, dir, source, target, "");
            var loaded = (LoadResult.Valid) new SchemaLoader().load(schema);
            BucketStep step = new BucketStep(loaded.schema().buckets().get(0), loaded.schema().options(), real, stackB,
                    () -> Optional.of("arn:aws:iam::222222222222:role/migrator"));

            Preflight preflight = step.preflight();

            assertThat(preflight.blocksRun()).isTrue();
            Finding denied = preflight.findings().stream().filter(Finding::isError).findFirst().orElseThrow();
            assertThat(denied.message()).contains("Stack B's credentials cannot read source bucket " + source, "AccessDenied (HTTP 403)");
            assertThat(denied.hint()).contains("\"Principal\": {\"AWS\": \"arn:aws:iam::222222222222:role/migrator\"}",
                    "\"arn:aws:s3:::" + source + "/*\"", "s3:GetObject", "kms:Decrypt");

            BucketStep allowed = new BucketStep(loaded.schema().buckets().get(0), loaded.schema().options(), real, real);
            assertThat(allowed.preflight().blocksRun()).isFalse();
        }
    }
}
