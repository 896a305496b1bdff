package dev.migrator.store.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.engine.ProgressListener;
import dev.migrator.engine.StepId;
import dev.migrator.engine.Verification;
import dev.migrator.support.Backoff;
import dev.migrator.support.RetryPolicy;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A full verification lists the target's keys beside the source's pass (listed after it, the whole target bucket
 * came on top of the checks, a round trip per page): here each side's first listing waits (10 s at most) for the
 * other's, so listing the target only after the source's checks fails.
 */
@ExtendWith(LocalAwsExtension.class)
class VerifySideBySideTest {

    @Test
    void listsTheTargetWhileTheSourceIsChecked(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("verify-a");
        String target = LocalAws.uniqueName("verify-b");
        try (S3Client s3 = aws.s3(BucketSteps.A)) {
            BucketFixtures.create(s3, source, false);
            BucketFixtures.create(s3, target, false);
            for (String key : List.of("one", "two", "three")) {
                BucketFixtures.put(s3, source, key, key.getBytes());
                BucketFixtures.put(s3, target, key, key.getBytes());
            }
            BucketFixtures.put(s3, target, "extra", new byte[] {1});
            BucketGateway real = new SdkBucketGateway(s3, aws.s3Endpoint().toString());
            CyclicBarrier firstListings = new CyclicBarrier(2);

            Verification verification = new BucketVerifier(meetingAtFirstListing(real, firstListings),
                    meetingAtFirstListing(real, firstListings), new RetryPolicy(0, Backoff.NONE), 4, ProgressListener.NONE,
                    dir.resolve("verify")).verify(new StepId(BucketModule.KIND, "b", "/buckets/0"), source, target,
                    new KeyFilter(List.of(), List.of()), false, 1.0);

            assertThat(verification.sourceCount()).isEqualTo(3);
            assertThat(verification.targetCount()).isEqualTo(4);
            assertThat(verification.matched()).isEqualTo(3);
            assertThat(verification.extra()).isEqualTo(1);
            assertThat(verification.examples()).anyMatch(example -> example.contains("extra"));
        }
    }

    /** {@code real}, except that its first listing waits for the other gateway's first one. */
    private static BucketGateway meetingAtFirstListing(BucketGateway real, CyclicBarrier meeting) {
        Set<String> listed = ConcurrentHashMap.newKeySet();
        return InterceptedGateway.of(real, (method, args) -> {
            if (method.equals("listCurrent") && listed.add(method)) {
                meeting.await(10, TimeUnit.SECONDS);
            }
        });
    }
}
