package dev.migrator.store.bucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.aws.EndpointResolver;
import dev.migrator.aws.SignedRoutes;
import dev.migrator.aws.StackClients;
import dev.migrator.model.StackSpec;
import dev.migrator.support.Retryable;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import dev.migrator.engine.ProgressListener;
import dev.migrator.engine.StepId;
import dev.migrator.engine.Verification;
import dev.migrator.support.AwsErrors;
import dev.migrator.support.Backoff;
import dev.migrator.support.RetryPolicy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * HeadObject sent straight on the route the SDK showed: verification compares two heads per object, and the first ones
 * of a bucket come from the SDK, so both readings of one answer must be the same head, field for field. Here against
 * S3Proxy (which checks every signature), awkward keys and every header included, and how each answer is read.
 */
@ExtendWith(LocalAwsExtension.class)
class DirectHeadTest {
    /** Each header verification compares, and how a target's copy differs in it alone. */
    private static final Map<String, java.util.function.UnaryOperator<PutObjectRequest.Builder>> ONE_DIFFERENCE = Map.of(
            "content-type", b -> b.contentType("text/html"), "content-encoding", b -> b.contentEncoding("gzip"),
            "content-language", b -> b.contentLanguage("fr"), "content-disposition", b -> b.contentDisposition("inline"),
            "cache-control", b -> b.cacheControl("no-store"), "expires", b -> b.expires(Instant.parse("2031-01-01T00:00:00Z")),
            "metadata-value", b -> b.metadata(Map.of("owner", "someone else")),
            "metadata-key", b -> b.metadata(Map.of("owner", "me", "added", "x")));
    private static final SignedRoutes.Route ROUTE = new SignedRoutes.Route("http", "127.0.0.1", 4566, "/bucket/", "us-east-1", "s3", false);

    @Test
    void theRequestIsHeadObjectOfTheEncodedKey() {
        SdkHttpFullRequest request = DirectHead.request(ROUTE, "a b/ü+&.txt");
        assertThat(request.method().name()).isEqualTo("HEAD");
        assertThat(request.getUri().toString()).isEqualTo("http://127.0.0.1:4566/bucket/a%20b/%C3%BC%2B%26.txt");
        assertThat(request.rawQueryParameters()).isEmpty();
    }

    @Test
    void aHeadIsReadAsTheSdkReadsIt() {
        SdkHttpResponse ok = SdkHttpResponse.builder().statusCode(200).putHeader("Content-Length", "12").putHeader("ETag", "\"abc\"")
                .putHeader("x-amz-version-id", "v1").putHeader("Content-Type", "text/plain").putHeader("Cache-Control", "no-cache")
                .putHeader("X-Amz-Meta-Owner", "me").putHeader("x-amz-meta-list", List.of("a", "b")).build();

        ObjectHead head = DirectHead.answer("k", ok).orElseThrow().orElseThrow();

        assertThat(head).isEqualTo(new ObjectHead("k", Optional.of("v1"), 12, "abc", Optional.empty(), new ObjectAttributes(
                Optional.of("text/plain"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("no-cache"), Optional.empty(),
                Map.of("Owner", "me", "list", "a,b"))));
    }

    @Test
    void noObjectIsNoneAndFailuresComeOutAsTheSdksWouldOrGoToIt() {
        assertThat(DirectHead.answer("k", SdkHttpResponse.builder().statusCode(404).build())).contains(Optional.empty());
        for (int status : new int[] {301, 307, 400, 403}) {
            assertThat(DirectHead.answer("k", SdkHttpResponse.builder().statusCode(status).build())).as("HTTP " + status).isEmpty();
        }
        assertThatThrownBy(() -> DirectHead.answer("k", SdkHttpResponse.builder().statusCode(503).putHeader("x-amz-request-id", "R1").build()))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(Retryable.isRetryable(e)).isTrue();
                    assertThat(e.requestId()).isEqualTo("R1");
                    assertThat(AwsErrors.describe(e)).isEqualTo("503 (HTTP 503): HTTP 503");
                });
        assertThatThrownBy(() -> DirectHead.answer("k", SdkHttpResponse.builder().statusCode(429).build()))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(Retryable.isThrottling(e)).isTrue());
    }

    @Test
    void verificationThroughTheStraightPathSeesEachHeaderThatDiffers(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("head-s");
        String target = LocalAws.uniqueName("head-t");
        try (StackClients clients = new StackClients(stack(aws), new EndpointResolver(Map.of()), 16); S3Client s3 = aws.s3("us-east-1")) {
            BucketFixtures.create(s3, source, false);
            BucketFixtures.create(s3, target, false);
            for (String bucket : List.of(source, target)) {
                s3.putObject(r -> plain(r.bucket(bucket).key("same")), RequestBody.fromString("body"));
            }
            ONE_DIFFERENCE.forEach((name, differ) -> {
                s3.putObject(r -> plain(r.bucket(source).key("diff/" + name)), RequestBody.fromString("body"));
                s3.putObject(r -> differ.apply(plain(r.bucket(target).key("diff/" + name))), RequestBody.fromString("body"));
            });
            SdkBucketGateway learning = new SdkBucketGateway(clients.s3(), "S3");
            learning.head(source, "same", Optional.empty()); // the SDK's first head of each bucket shows the route
            learning.head(target, "same", Optional.empty());
            assertThat(SignedRoutes.of(clients.s3()).orElseThrow().headRoute(target)).isPresent();

            Verification verification = new BucketVerifier(learning, learning, new RetryPolicy(0, Backoff.NONE), 4, ProgressListener.NONE,
                    dir.resolve("verify")).verify(new StepId(BucketModule.KIND, "b", "/buckets/0"), source, target,
                    new KeyFilter(List.of(), List.of()), false, 1.0);

            assertThat(verification.matched()).as(verification.examples().toString()).isEqualTo(1);
            assertThat(verification.different()).isEqualTo(ONE_DIFFERENCE.size());
            assertThat(String.join("\n", verification.examples())).contains(ONE_DIFFERENCE.keySet().stream()
                    .map(name -> "diff/" + name + ": headers or user metadata differ").toList());
        }
    }

    private static PutObjectRequest.Builder plain(PutObjectRequest.Builder b) {
        return b.contentType("text/plain").contentEncoding("identity").contentLanguage("de").contentDisposition("attachment")
                .cacheControl("max-age=60").expires(Instant.parse("2030-01-02T03:04:05Z")).metadata(Map.of("owner", "me"));
    }

    private static StackSpec stack(LocalAws aws) {
        return new StackSpec("source", "us-east-1", Optional.empty(), Optional.empty(), Optional.empty(),
                new StackSpec.ServiceEndpoints(Optional.empty(), Optional.of(aws.s3Endpoint()), Optional.empty(), Optional.empty()), "/source");
    }

    @Test
    void headsAfterTheFirstGoStraightAndReadTheSameAsTheSdks(LocalAws aws) throws Exception {
        String bucket = LocalAws.uniqueName("head-a");
        try (StackClients clients = new StackClients(stack(aws), new EndpointResolver(Map.of()), 16); S3Client s3 = aws.s3("us-east-1")) {
            BucketFixtures.create(s3, bucket, false);
            for (String key : BucketCopyTest.AWKWARD_KEYS) {
                s3.putObject(r -> r.bucket(bucket).key(key).contentType("text/x-" + key.length()).contentEncoding("identity")
                                .contentLanguage("de-CH").contentDisposition("attachment; filename=\"a b.txt\"").cacheControl("max-age=60")
                                .expires(Instant.parse("2030-01-02T03:04:05Z")).metadata(Map.of("owner", "k" + key.length(), "Mixed-Case", "v, w")),
                        RequestBody.fromString("body of " + key));
            }
            SdkBucketGateway sdkOnly = new SdkBucketGateway(s3, "S3");
            SdkBucketGateway learning = new SdkBucketGateway(clients.s3(), "S3");
            DirectHead direct = new DirectHead(SignedRoutes.of(clients.s3()).orElseThrow());
            assertThat(direct.head(bucket, "top.txt", Optional.empty())).as("no route before the SDK's first head").isEmpty();
            learning.head(bucket, "top.txt", Optional.empty());

            for (String key : BucketCopyTest.AWKWARD_KEYS) {
                Optional<Optional<ObjectHead>> straight = direct.head(bucket, key, Optional.empty());
                assertThat(straight.isPresent()).as(key).isEqualTo(SignedRoutes.plainKey(key));
                ObjectHead expected = sdkOnly.head(bucket, key, Optional.empty()).orElseThrow();
                assertThat(learning.head(bucket, key, Optional.empty())).as(key).contains(expected);
                straight.ifPresent(head -> assertThat(head).as(key).contains(expected));
                assertThat(expected.attributes().userMetadata()).as(key).containsEntry("owner", "k" + key.length()).hasSize(2);
                assertThat(expected.attributes().expires()).as(key).isPresent();
                assertThat(expected.attributes().contentDisposition()).as(key).contains("attachment; filename=\"a b.txt\"");
            }
            assertThat(direct.head(bucket, "no/such/key", Optional.empty())).contains(Optional.empty());
            assertThat(direct.head(bucket, "top.txt", Optional.of("a-version"))).as("a version is the SDK's to ask").isEmpty();
        }
    }
}
