package dev.migrator.store.bucket;

import dev.migrator.aws.SignedRoutes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * A HeadObject of an object's current version sent on the route the SDK used for the bucket's first one
 * ({@link SignedRoutes}), signed by the SDK's own signer and sent through the same HTTP client, without the rest of the
 * SDK's request pipeline: verification asks two per object, and there the pipeline (interceptors, endpoint rules,
 * signing, unmarshalling some forty header fields) was most of migrator's CPU. The answer is read as the SDK reads
 * these headers (the first value of each; user metadata every {@code x-amz-meta-} header, values joined by commas),
 * and a test holds both readings equal. 200 is the object, 404 none; 5xx and 429 come out as the SDK's
 * {@code S3Exception}; anything else (a redirect, 403, 400) is the SDK's to ask again and read its own way, and a 403
 * stops the shortcut for the bucket (a HEAD's answer has no body to tell a refused signature from a denied object).
 */
final class DirectHead {
    private static final String USER_AGENT = "migrator aws-sdk-java/direct-head";
    private static final String METADATA = "x-amz-meta-";
    private final SignedRoutes routes;

    DirectHead(SignedRoutes routes) {
        this.routes = routes;
    }

    /** The object's head or its absence, or empty when it is the SDK's to ask (no route yet, a version, an answer it must read). */
    Optional<Optional<ObjectHead>> head(String bucket, String key, Optional<String> versionId) {
        if (versionId.isPresent() || !SignedRoutes.plainKey(key)) {
            return Optional.empty();
        }
        Optional<SignedRoutes.Route> route = routes.headRoute(bucket);
        if (route.isEmpty()) {
            return Optional.empty();
        }
        SignedRoutes.Answer answer = routes.send(route.get(), request(route.get(), key), Optional.empty());
        if (answer.response().statusCode() == 403) {
            routes.refuseHeads(bucket);
        }
        return answer(key, answer.response());
    }

    /** The unsigned request: S3's HeadObject of the current version, as the SDK marshals it. Pure. */
    static SdkHttpFullRequest request(SignedRoutes.Route route, String key) {
        return SdkHttpFullRequest.builder().method(SdkHttpMethod.HEAD).protocol(route.protocol()).host(route.host()).port(route.port())
                .encodedPath(route.pathPrefix() + SdkHttpUtils.urlEncodeIgnoreSlashes(key)).putHeader("User-Agent", USER_AGENT).build();
    }

    /** What an answer means (see the class comment). Pure. */
    static Optional<Optional<ObjectHead>> answer(String key, SdkHttpResponse response) {
        int status = response.statusCode();
        if (status == 200) {
            return Optional.of(Optional.of(head(key, response)));
        }
        if (status == 404) {
            return Optional.of(Optional.empty());
        }
        if (status >= 500 || status == 429) { // a HEAD's answer has no body: the status is its code and its message
            throw DirectCopy.failure(response, Optional.empty(), Optional.empty(), Optional.empty());
        }
        return Optional.empty();
    }

    /** The head a 200 says, field by field as {@link SdkBucketGateway#head} takes it from the SDK's HeadObjectResponse. Pure. */
    static ObjectHead head(String key, SdkHttpResponse response) {
        ObjectAttributes attributes = new ObjectAttributes(response.firstMatchingHeader("Content-Type"),
                response.firstMatchingHeader("Content-Encoding"), response.firstMatchingHeader("Content-Language"),
                response.firstMatchingHeader("Content-Disposition"), response.firstMatchingHeader("Cache-Control"),
                response.firstMatchingHeader("Expires"), metadata(response.headers()));
        long size = response.firstMatchingHeader("Content-Length").map(Long::parseLong).orElse(0L);
        return new ObjectHead(key, response.firstMatchingHeader("x-amz-version-id"), size,
                SdkBucketGateway.unquote(response.firstMatchingHeader("ETag").orElse(null)),
                response.firstMatchingHeader("x-amz-checksum-sha256"), attributes);
    }

    /** User metadata: each {@code x-amz-meta-} header, named by what follows the prefix, its values joined by commas. Pure. */
    static Map<String, String> metadata(Map<String, List<String>> headers) {
        Map<String, String> metadata = new TreeMap<>();
        headers.forEach((name, values) -> {
            if (name.regionMatches(true, 0, METADATA, 0, METADATA.length())) {
                metadata.put(name.substring(METADATA.length()), String.join(",", values));
            }
        });
        return metadata;
    }
}
