package dev.migrator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3Proxy's in-memory store takes the size and block size it is given (the benchmark's million objects): 40 objects
 * of 100 bytes fit in 32 KiB of 512-byte blocks, where the default's 8 KiB blocks would need 320 KiB, and an object
 * larger than the store is refused.
 */
class S3ProxyStoreTest {
    @Test
    void aStoreOfItsOwnSizeHoldsWhatItsBlocksAllow(@TempDir Path dir) throws Exception {
        int port = LocalEmulators.freePort();
        try (ChildProcess proxy = LocalEmulators.startS3Proxy(LocalEmulators.locateHome(), port, dir.resolve("s3proxy.log"), 256,
                Optional.of(new LocalEmulators.S3ProxyStore(32 << 10, 512)));
             S3Client s3 = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.US_EAST_1)
                     .forcePathStyle(true).overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                     .credentialsProvider(StaticCredentialsProvider.create(
                             AwsBasicCredentials.create(LocalEmulators.ACCESS_KEY, LocalEmulators.SECRET_KEY))).build()) {
            s3.createBucket(r -> r.bucket("small"));
            for (int i = 0; i < 40; i++) {
                int n = i;
                s3.putObject(r -> r.bucket("small").key("k" + n), RequestBody.fromBytes(new byte[100]));
            }
            assertThat(s3.listObjectsV2Paginator(r -> r.bucket("small")).contents().stream().count()).isEqualTo(40);
            assertThatThrownBy(() -> s3.putObject(r -> r.bucket("small").key("big"), RequestBody.fromBytes(new byte[64 << 10])))
                    .isInstanceOf(S3Exception.class);
        }
    }
}
