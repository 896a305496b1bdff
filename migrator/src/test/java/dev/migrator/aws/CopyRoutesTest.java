package dev.migrator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/** The route of a bucket's copies, read from a request the SDK signed; anything but plain SigV4 gets none. */
class CopyRoutesTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261202/eu-central-1/s3/aws4_request, "
            + "SignedHeaders=host;x-amz-content-sha256;x-amz-copy-source;x-amz-date, Signature=abc";

    private static SdkHttpRequest.Builder signed(String protocol, String host, int port, String path) {
        return SdkHttpRequest.builder().method(SdkHttpMethod.PUT).protocol(protocol).host(host).port(port).encodedPath(path)
                .putHeader("Authorization", AUTH).putHeader("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
    }

    @Test
    void aPathStyleRequestGivesTheBucketsPathAndTheSigningScope() {
        Optional<CopyRoutes.Route> route = CopyRoutes.routeOf("a b/ключ.txt",
                signed("http", "127.0.0.1", 4566, "/target/a%20b/%D0%BA%D0%BB%D1%8E%D1%87.txt").build());
        assertThat(route).contains(new CopyRoutes.Route("http", "127.0.0.1", 4566, "/target/", "eu-central-1", "s3", false));
    }

    @Test
    void aVirtualHostRequestKeepsItsHostAndASignedPayloadIsSeen() {
        Optional<CopyRoutes.Route> route = CopyRoutes.routeOf("k.txt", signed("https", "target.s3-fips.eu-central-1.amazonaws.com", 443, "/k.txt")
                .putHeader("x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855").build());
        assertThat(route).contains(new CopyRoutes.Route("https", "target.s3-fips.eu-central-1.amazonaws.com", 443, "/", "eu-central-1", "s3", true));
    }

    @Test
    void requestsThisShortcutCannotRepeatGiveNoRoute() {
        // SigV4a (multi-region access points), S3 Express sessions, a query string, a path that does not end with the key
        assertThat(CopyRoutes.routeOf("k", signed("https", "h", 443, "/k")
                .putHeader("Authorization", "AWS4-ECDSA-P256-SHA256 Credential=AKID/20261202/s3/aws4_request, Signature=x").build())).isEmpty();
        assertThat(CopyRoutes.routeOf("k", signed("https", "h", 443, "/k").putHeader("x-amz-s3session-token", "t").build())).isEmpty();
        assertThat(CopyRoutes.routeOf("k", signed("https", "h", 443, "/k").putRawQueryParameter("x-id", "CopyObject").build())).isEmpty();
        assertThat(CopyRoutes.routeOf("k", signed("https", "h", 443, "/other").build())).isEmpty();
        assertThat(CopyRoutes.routeOf("k", signed("https", "h", 443, "/k").removeHeader("Authorization").build())).isEmpty();
        assertThat(CopyRoutes.routeOf("k", signed("https", "h", 443, "/k")
                .putHeader("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20261202/s3/aws4_request, Signature=x").build())).isEmpty();
    }

    @Test
    void onlyKeysTheSdkSpellsAsTheKeyEncodedArePlain() {
        assertThat(CopyRoutes.plainKey("a/b c/ü.txt")).isTrue();
        assertThat(CopyRoutes.plainKey("...txt")).isTrue();
        for (String key : new String[] {"", "folder/", "/lead", "a//b", "a/./b", "a/../b", ".", "..", "./a"}) {
            assertThat(CopyRoutes.plainKey(key)).as(key).isFalse();
            assertThat(CopyRoutes.routeOf(key, signed("http", "h", 80, "/b/" + key).build())).as(key).isEmpty();
        }
        assertThat(CopyRoutes.plainKey(null)).isFalse();
    }
}
