package dev.migrator.store.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.aws.BodySwap;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** A CopyObject's ETag read without the SDK's XML parser, and everything else left for the SDK. */
@ExtendWith(LocalAwsExtension.class)
class CopyResultBodyTest {

    @Test
    void theEtagIsTakenAndTheSdkGetsAnEmptyBody() {
        CopyResultBody result = new CopyResultBody();
        byte[] rest = result.apply(bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\n  <CopyObjectResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<LastModified>2026-12-01T10:00:00.000Z</LastModified><ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag></CopyObjectResult>"));
        assertThat(rest).isEmpty();
        assertThat(result.etag()).isEqualTo("\"9b2cf535f27731c974343645a3985328\"");
        assertThat(CopyResultBody.unescape("&#34;a&#x26;b&apos;&lt;&gt;")).isEqualTo("\"a&b'<>");
    }

    @Test
    void anErrorInA200AndAnythingUnexpectedAreLeftWholeForTheSdk() {
        for (String body : new String[] {
                "<?xml version=\"1.0\"?><Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>",
                "<CopyObjectResult><LastModified>2026-12-01T10:00:00.000Z</LastModified></CopyObjectResult>",
                "<CopyObjectResultX><ETag>\"x\"</ETag></CopyObjectResultX>",
                "<CopyObjectResult><ETag>&bogus</ETag></CopyObjectResult>",
                "   ", ""}) {
            CopyResultBody result = new CopyResultBody();
            byte[] given = bytes(body);
            assertThat(result.apply(given)).as(body).isSameAs(given);
            assertThat(result.etag()).as(body).isNull();
        }
    }

    @Test
    void aCopyThroughTheSwapReturnsTheTargetsEtag(LocalAws aws) {
        String source = LocalAws.uniqueName("etag-a");
        String target = LocalAws.uniqueName("etag-b");
        try (S3Client s3 = S3Client.builder().region(Region.US_EAST_1).credentialsProvider(LocalAws.CREDENTIALS)
                .endpointOverride(aws.s3Endpoint()).forcePathStyle(true)
                .overrideConfiguration(o -> o.addExecutionInterceptor(new BodySwap())).build()) {
            s3.createBucket(r -> r.bucket(source));
            s3.createBucket(r -> r.bucket(target));
            s3.putObject(r -> r.bucket(source).key("k ü&.txt"), RequestBody.fromString("hello"));

            BucketGateway.CopyResult copied = new SdkBucketGateway(s3, "S3").copy(new BucketGateway.ObjectCopy(source, "k ü&.txt",
                    Optional.empty(), target, Optional.empty(), Optional.empty(), Optional.empty()));

            String head = s3.headObject(r -> r.bucket(target).key("k ü&.txt")).eTag();
            assertThat(copied.etag()).isNotBlank().isEqualTo(head.replace("\"", ""));
            CopyResultBody result = new CopyResultBody();
            var response = s3.copyObject(r -> r.sourceBucket(source).sourceKey("k ü&.txt").destinationBucket(target).destinationKey("again")
                    .overrideConfiguration(o -> o.putExecutionAttribute(BodySwap.RESPONSE_BODY, result)));
            assertThat(result.etag()).as("read here").isEqualTo(head);
            assertThat(response.copyObjectResult() == null || response.copyObjectResult().eTag() == null).as("not by the SDK").isTrue();
            assertThat(s3.getObjectAsBytes(r -> r.bucket(target).key("k ü&.txt")).asUtf8String()).isEqualTo("hello");
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
