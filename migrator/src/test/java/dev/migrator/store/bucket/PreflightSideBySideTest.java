package dev.migrator.store.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.engine.Preflight;
import dev.migrator.engine.ResourceState;
import dev.migrator.schema.LoadResult;
import dev.migrator.schema.SchemaLoader;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Preflight reads the source and the target side by side (on a link of tens of milliseconds, one after the other
 * doubled a step's preflight): each gateway here lets a describe or a settings read through only once the other
 * side's is under way too, so reading them one after the other fails.
 */
@ExtendWith(LocalAwsExtension.class)
class PreflightSideBySideTest {

    @Test
    void bothSidesAndBothBucketsSettingsAreReadAtOnce(LocalAws aws, @TempDir Path dir) throws Exception {
        Map<String, CyclicBarrier> meetings = new ConcurrentHashMap<>();

        Preflight preflight = preflight(aws, dir, real -> meetingOther(real, meetings));

        assertThat(preflight.blocksRun()).as(preflight.findings().toString()).isFalse();
        assertThat(preflight.resources()).extracting(ResourceState::side).containsExactly(ResourceState.Side.SOURCE, ResourceState.Side.TARGET);
        assertThat(meetings).containsOnlyKeys("describe", "configuration");
    }

    @Test
    void aBucketsFirstKeysAndSettingsAreAskedForWhileItIsDescribed(LocalAws aws, @TempDir Path dir) throws Exception {
        Preflight preflight = preflight(aws, dir, PreflightSideBySideTest::meetingOwnReads);

        assertThat(preflight.blocksRun()).as(preflight.findings().toString()).isFalse();
        assertThat(preflight.resources().get(0).firstKeys()).containsExactly("one");
        assertThat(preflight.resources().get(1).empty()).contains(true);
    }

    /** The preflight of a fresh pair (the source holding "one", the target empty), each side's gateway wrapped by {@code wrap}. */
    private static Preflight preflight(LocalAws aws, Path dir, java.util.function.UnaryOperator<BucketGateway> wrap) throws Exception {
        String source = LocalAws.uniqueName("side-a");
        String target = LocalAws.uniqueName("side-b");
        try (S3Client s3 = aws.s3(BucketSteps.A)) {
            BucketFixtures.create(s3, source, false);
            BucketFixtures.create(s3, target, false);
            BucketFixtures.put(s3, source, "one", new byte[] {1});
            BucketGateway real = new SdkBucketGateway(s3, aws.s3Endpoint().toString());
            var loaded = (LoadResult.Valid) new SchemaLoader().load(BucketSteps.schema(aws, dir, source, target, ""));
            return new BucketStep(loaded.schema().buckets().get(0), loaded.schema().options(), wrap.apply(real), wrap.apply(real))
                    .preflight();
        }
    }

    @Test
    void aBucketsVersioningIsAskedForBesideItsHead(LocalAws aws) throws Exception {
        String bucket = LocalAws.uniqueName("side-v");
        CyclicBarrier both = new CyclicBarrier(2);
        try (S3Client plain = aws.s3(BucketSteps.A);
             S3Client meeting = S3Client.builder().region(Region.of(BucketSteps.A)).credentialsProvider(LocalAws.CREDENTIALS)
                     .endpointOverride(aws.s3Endpoint()).forcePathStyle(true)
                     .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                         @Override
                         public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                             String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
                             if (operation.equals("HeadBucket") || operation.equals("GetBucketVersioning")) {
                                 try {
                                     both.await(10, TimeUnit.SECONDS);
                                 } catch (Exception e) {
                                     throw new IllegalStateException(operation + " was asked for alone", e);
                                 }
                             }
                         }
                     })).build()) {
            BucketFixtures.create(plain, bucket, false);

            assertThat(new SdkBucketGateway(meeting, aws.s3Endpoint().toString()).describe(bucket))
                    .contains(new BucketInfo(bucket, "Disabled"));
        }
    }

    /** {@code real}, except that a side's first describe, firstKeys and configuration each wait (10 s at most) for the other two. */
    private static BucketGateway meetingOwnReads(BucketGateway real) {
        CyclicBarrier three = new CyclicBarrier(3);
        Set<String> met = ConcurrentHashMap.newKeySet();
        return InterceptedGateway.of(real, (method, args) -> {
            if (Set.of("describe", "firstKeys", "configuration").contains(method) && met.add(method)) {
                three.await(10, TimeUnit.SECONDS);
            }
        });
    }

    /** {@code real}, except that describe and configuration each wait (10 s at most) for the other gateway's call. */
    private static BucketGateway meetingOther(BucketGateway real, Map<String, CyclicBarrier> meetings) {
        return InterceptedGateway.of(real, (method, args) -> {
            if (method.equals("describe") || method.equals("configuration")) {
                meetings.computeIfAbsent(method, name -> new CyclicBarrier(2)).await(10, TimeUnit.SECONDS);
            }
        });
    }
}
