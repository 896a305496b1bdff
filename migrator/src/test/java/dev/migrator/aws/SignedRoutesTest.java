package dev.migrator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.InterceptorContext;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/** The route of a bucket's copies, read from a request the SDK signed; anything but plain SigV4 gets none. */
class SignedRoutesTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261202/eu-central-1/s3/aws4_request, "
            + "SignedHeaders=host;x-amz-content-sha256;x-amz-copy-source;x-amz-date, Signature=abc";

    private static SdkHttpRequest.Builder signed(String protocol, String host, int port, String path) {
        return SdkHttpRequest.builder().method(SdkHttpMethod.PUT).protocol(protocol).host(host).port(port).encodedPath(path)
                .putHeader("Authorization", AUTH).putHeader("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
    }

    @Test
    void aPathStyleRequestGivesTheBucketsPathAndTheSigningScope() {
        Optional<SignedRoutes.Route> route = SignedRoutes.routeOf("a b/ключ.txt",
                signed("http", "127.0.0.1", 4566, "/target/a%20b/%D0%BA%D0%BB%D1%8E%D1%87.txt").build());
        assertThat(route).contains(new SignedRoutes.Route("http", "127.0.0.1", 4566, "/target/", "eu-central-1", "s3", false));
    }

    @Test
    void aVirtualHostRequestKeepsItsHostAndASignedPayloadIsSeen() {
        Optional<SignedRoutes.Route> route = SignedRoutes.routeOf("k.txt", signed("https", "target.s3-fips.eu-central-1.amazonaws.com", 443, "/k.txt")
                .putHeader("x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855").build());
        assertThat(route).contains(new SignedRoutes.Route("https", "target.s3-fips.eu-central-1.amazonaws.com", 443, "/", "eu-central-1", "s3", true));
    }

    @Test
    void requestsThisShortcutCannotRepeatGiveNoRoute() {
        // SigV4a (multi-region access points), S3 Express sessions, a query string, a path that does not end with the key
        assertThat(SignedRoutes.routeOf("k", signed("https", "h", 443, "/k")
                .putHeader("Authorization", "AWS4-ECDSA-P256-SHA256 Credential=AKID/20261202/s3/aws4_request, Signature=x").build())).isEmpty();
        assertThat(SignedRoutes.routeOf("k", signed("https", "h", 443, "/k").putHeader("x-amz-s3session-token", "t").build())).isEmpty();
        assertThat(SignedRoutes.routeOf("k", signed("https", "h", 443, "/k").putRawQueryParameter("x-id", "CopyObject").build())).isEmpty();
        assertThat(SignedRoutes.routeOf("k", signed("https", "h", 443, "/other").build())).isEmpty();
        assertThat(SignedRoutes.routeOf("k", signed("https", "h", 443, "/k").removeHeader("Authorization").build())).isEmpty();
        assertThat(SignedRoutes.routeOf("k", signed("https", "h", 443, "/k")
                .putHeader("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20261202/s3/aws4_request, Signature=x").build())).isEmpty();
    }

    @Test
    void onlyKeysTheSdkSpellsAsTheKeyEncodedArePlain() {
        assertThat(SignedRoutes.plainKey("a/b c/ü.txt")).isTrue();
        assertThat(SignedRoutes.plainKey("...txt")).isTrue();
        for (String key : new String[] {"", "folder/", "/lead", "a//b", "a/./b", "a/../b", ".", "..", "./a"}) {
            assertThat(SignedRoutes.plainKey(key)).as(key).isFalse();
            assertThat(SignedRoutes.routeOf(key, signed("http", "h", 80, "/b/" + key).build())).as(key).isEmpty();
        }
        assertThat(SignedRoutes.plainKey(null)).isFalse();
    }

    private static void sent(SignedRoutes routes, SdkRequest request, SdkHttpRequest signed) {
        routes.beforeTransmission(InterceptorContext.builder().request(request).httpRequest(signed).build(), new ExecutionAttributes());
    }

    @Test
    void routesAreLearnedFromTheSdksRequestsAndNeverAgainOnceRefused() {
        SignedRoutes routes = new SignedRoutes(null, null);
        assertThat(routes.copyRoute("b")).isEmpty();
        sent(routes, CopyObjectRequest.builder().destinationBucket("b").destinationKey("k 1").build(), signed("http", "h", 80, "/b/k%201").build());
        assertThat(routes.copyRoute("b")).contains(new SignedRoutes.Route("http", "h", 80, "/b/", "eu-central-1", "s3", false));
        assertThat(routes.copyRoute("other")).isEmpty();

        sent(routes, BatchWriteItemRequest.builder().requestItems(Map.of("t", List.of())).build(),
                signed("https", "dynamodb.eu-central-1.amazonaws.com", 443, "/").removeHeader("x-amz-content-sha256").build());
        assertThat(routes.writeRoute("t")).contains(new SignedRoutes.Route("https", "dynamodb.eu-central-1.amazonaws.com", 443, "/",
                "eu-central-1", "s3", true)); // no x-amz-content-sha256: SigV4 signed the payload

        routes.refuseCopies("b");
        routes.refuseWrites("t");
        sent(routes, CopyObjectRequest.builder().destinationBucket("b").destinationKey("k").build(), signed("http", "h", 80, "/b/k").build());
        sent(routes, BatchWriteItemRequest.builder().requestItems(Map.of("t", List.of())).build(), signed("https", "d", 443, "/").build());
        assertThat(routes.copyRoute("b")).isEmpty();
        assertThat(routes.writeRoute("t")).isEmpty();
    }
}
