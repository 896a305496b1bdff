package dev.migrator.store.bucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.aws.SignedRoutes;
import dev.migrator.aws.EndpointResolver;
import dev.migrator.aws.StackClients;
import dev.migrator.model.StackSpec;
import dev.migrator.support.AwsErrors;
import dev.migrator.support.Retryable;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.InterceptorContext;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * CopyObject sent straight on the route the SDK showed: the request it builds, how it reads each answer, and copies
 * through it against S3Proxy (which checks every signature), awkward keys and kept metadata included.
 */
@ExtendWith(LocalAwsExtension.class)
class DirectCopyTest {
    private static final SignedRoutes.Route ROUTE = new SignedRoutes.Route("http", "127.0.0.1", 4566, "/target/", "us-east-1", "s3", false);

    private static BucketGateway.ObjectCopy copy(String key, Optional<String> version, Optional<String> storageClass, Optional<String> kms) {
        return new BucketGateway.ObjectCopy("source bucket", key, version, "target", Optional.empty(), storageClass, kms);
    }

    @Test
    void theRequestIsCopyObjectAsTheSdkMarshalsIt() {
        SdkHttpFullRequest request = DirectCopy.request(ROUTE, copy("a b/ü+&.txt", Optional.of("v 1"), Optional.of("STANDARD_IA"), Optional.of("key-1")));
        assertThat(request.method().name()).isEqualTo("PUT");
        assertThat(request.getUri().toString()).isEqualTo("http://127.0.0.1:4566/target/a%20b/%C3%BC%2B%26.txt");
        assertThat(request.firstMatchingHeader("x-amz-copy-source")).contains("source%20bucket/a%20b/%C3%BC%2B%26.txt?versionId=v%201");
        assertThat(request.firstMatchingHeader("x-amz-storage-class")).contains("STANDARD_IA");
        assertThat(request.firstMatchingHeader("x-amz-server-side-encryption")).contains("aws:kms");
        assertThat(request.firstMatchingHeader("x-amz-server-side-encryption-aws-kms-key-id")).contains("key-1");
        assertThat(request.firstMatchingHeader("x-amz-metadata-directive")).isEmpty();
        assertThat(DirectCopy.request(ROUTE, copy("k", Optional.empty(), Optional.empty(), Optional.empty()))
                .firstMatchingHeader("x-amz-copy-source")).contains("source%20bucket/k");
    }

    @Test
    void aSuccessGivesTheEtagAndBothVersions() {
        SdkHttpResponse ok = SdkHttpResponse.builder().statusCode(200).putHeader("x-amz-copy-source-version-id", "sv")
                .putHeader("x-amz-version-id", "tv").build();
        assertThat(DirectCopy.answer(ok, bytes("<?xml version=\"1.0\"?><CopyObjectResult><LastModified>2026-12-02T07:00:00.000Z</LastModified>"
                + "<ETag>&quot;abc&quot;</ETag></CopyObjectResult>")))
                .contains(new BucketGateway.CopyResult(Optional.of("sv"), Optional.of("tv"), "abc"));
    }

    @Test
    void anErrorInA200AndEveryAnswerButARetryableFailureAreLeftToTheSdk() {
        assertThat(DirectCopy.answer(SdkHttpResponse.builder().statusCode(200).build(),
                bytes("<Error><Code>InternalError</Code><Message>x</Message></Error>"))).isEmpty();
        for (int status : new int[] {301, 400, 403, 404, 412}) {
            assertThat(DirectCopy.answer(SdkHttpResponse.builder().statusCode(status).build(),
                    bytes("<Error><Code>Whatever</Code><Message>m</Message></Error>"))).as("HTTP " + status).isEmpty();
        }
    }

    @Test
    void assumedRoleCredentialsSendTheirSessionToken() {
        java.util.List<SdkHttpRequest> sent = new java.util.ArrayList<>();
        SdkHttpClient http = new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                sent.add(request.httpRequest());
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() {
                        return HttpExecuteResponse.builder().response(SdkHttpResponse.builder().statusCode(200).build())
                                .responseBody(AbortableInputStream.create(new java.io.ByteArrayInputStream(
                                        bytes("<CopyObjectResult><ETag>&quot;e&quot;</ETag></CopyObjectResult>")))).build();
                    }

                    @Override
                    public void abort() {}
                };
            }

            @Override
            public void close() {}
        };
        SignedRoutes routes = new SignedRoutes(http, StaticCredentialsProvider.create(AwsSessionCredentials.create("AKID", "secret", "the-token")));
        routes.beforeTransmission(InterceptorContext.builder().request(CopyObjectRequest.builder().destinationBucket("target").destinationKey("k").build())
                .httpRequest(SdkHttpRequest.builder().method(SdkHttpMethod.PUT).protocol("https").host("target.s3.amazonaws.com").port(443)
                        .encodedPath("/k").putHeader("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20261202/us-east-1/s3/aws4_request, "
                                + "SignedHeaders=host, Signature=x").putHeader("x-amz-content-sha256", "UNSIGNED-PAYLOAD").build()).build(),
                new ExecutionAttributes());

        assertThat(new DirectCopy(routes).copy(copy("a/b.txt", Optional.empty(), Optional.empty(), Optional.empty())))
                .contains(new BucketGateway.CopyResult(Optional.empty(), Optional.empty(), "e"));
        assertThat(new DirectCopy(routes).copy(new BucketGateway.ObjectCopy("arn:aws:s3:us-east-1:123456789012:accesspoint/ap", "a/b.txt",
                Optional.empty(), "target", Optional.empty(), Optional.empty(), Optional.empty()))).as("an access point as the source").isEmpty();
        assertThat(sent).hasSize(1);
        SdkHttpRequest request = sent.get(0);
        assertThat(request.getUri().toString()).isEqualTo("https://target.s3.amazonaws.com/a/b.txt");
        assertThat(request.firstMatchingHeader("X-Amz-Security-Token")).contains("the-token");
        assertThat(request.firstMatchingHeader("x-amz-content-sha256")).contains("UNSIGNED-PAYLOAD");
        assertThat(request.firstMatchingHeader("Authorization")).hasValueSatisfying(a -> assertThat(a)
                .startsWith("AWS4-HMAC-SHA256 Credential=AKID/").contains("/us-east-1/s3/aws4_request").contains("x-amz-security-token"));
        assertThat(String.join(" ", request.headers().keySet())).doesNotContain("secret");
    }

    @Test
    void aRequestS3RefusesItselfIsTold() {
        assertThat(DirectCopy.refused(SdkHttpResponse.builder().statusCode(403).build(), bytes("<Error><Code>AccessDenied</Code></Error>"))).isTrue();
        assertThat(DirectCopy.refused(SdkHttpResponse.builder().statusCode(400).build(),
                bytes("<Error><Code>AuthorizationHeaderMalformed</Code></Error>"))).isTrue();
        assertThat(DirectCopy.refused(SdkHttpResponse.builder().statusCode(404).build(), bytes("<Error><Code>NoSuchKey</Code></Error>"))).isFalse();
    }

    @Test
    void throttlingAndServerErrorsComeOutAsTheSdksWould() {
        SdkHttpResponse slowDown = SdkHttpResponse.builder().statusCode(503).putHeader("x-amz-request-id", "R1").build();
        assertThatThrownBy(() -> DirectCopy.answer(slowDown, bytes("<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(Retryable.isThrottling(e)).isTrue();
                    assertThat(Retryable.isRetryable(e)).isTrue();
                    assertThat(e.requestId()).isEqualTo("R1");
                    assertThat(AwsErrors.describe(e)).isEqualTo("SlowDown (HTTP 503): Please reduce your request rate.");
                });
        assertThatThrownBy(() -> DirectCopy.answer(SdkHttpResponse.builder().statusCode(500).build(), new byte[0]))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(Retryable.isRetryable(e)).isTrue();
                    assertThat(Retryable.isThrottling(e)).isFalse();
                    assertThat(AwsErrors.describe(e)).isEqualTo("500 (HTTP 500): HTTP 500");
                });
    }

    @Test
    void copiesAfterTheFirstGoStraightAndComeOutExact(LocalAws aws) throws Exception {
        StackSpec stack = new StackSpec("target", "us-east-1", Optional.empty(), Optional.empty(), Optional.empty(),
                new StackSpec.ServiceEndpoints(Optional.empty(), Optional.of(aws.s3Endpoint()), Optional.empty(), Optional.empty()), "/target");
        String source = LocalAws.uniqueName("direct-a");
        String target = LocalAws.uniqueName("direct-b");
        try (StackClients clients = new StackClients(stack, new EndpointResolver(Map.of()), 16); S3Client s3 = aws.s3("us-east-1")) {
            // the fixtures through a client that retries (migrator's own clients leave retrying to migrator)
            BucketFixtures.create(s3, source, false);
            BucketFixtures.create(s3, target, false);
            for (String key : BucketCopyTest.AWKWARD_KEYS) {
                s3.putObject(r -> r.bucket(source).key(key).contentType("text/x-" + key.length()).metadata(Map.of("owner", "k" + key.length())),
                        RequestBody.fromString("body of " + key));
            }
            SdkBucketGateway gateway = new SdkBucketGateway(clients.s3(), "S3");
            DirectCopy direct = new DirectCopy(SignedRoutes.of(clients.s3()).orElseThrow());
            BucketGateway.ObjectCopy first = new BucketGateway.ObjectCopy(source, "top.txt", Optional.empty(), target, Optional.empty(),
                    Optional.empty(), Optional.empty());
            assertThat(direct.copy(first)).as("no route before the SDK's first copy").isEmpty();
            gateway.copy(first);

            for (String key : BucketCopyTest.AWKWARD_KEYS) {
                BucketGateway.ObjectCopy each = new BucketGateway.ObjectCopy(source, key, Optional.empty(), target, Optional.empty(),
                        Optional.empty(), Optional.empty());
                Optional<BucketGateway.CopyResult> done = direct.copy(each);
                assertThat(done.isPresent()).as(key).isEqualTo(SignedRoutes.plainKey(key));
                BucketGateway.CopyResult result = done.orElseGet(() -> gateway.copy(each));
                var head = s3.headObject(r -> r.bucket(target).key(key));
                if (!key.endsWith("/")) { // S3Proxy keeps such a key as a folder: no ETag, its own content type
                    assertThat(result.etag()).as(key).isEqualTo(head.eTag().replace("\"", ""));
                    assertThat(head.contentType()).as(key).isEqualTo("text/x-" + key.length());
                }
                assertThat(head.metadata()).as(key).containsEntry("owner", "k" + key.length());
            }
            assertThat(BucketFixtures.contents(s3, target)).isEqualTo(BucketFixtures.contents(s3, source));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
