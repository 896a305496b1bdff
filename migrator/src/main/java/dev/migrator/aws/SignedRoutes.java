package dev.migrator.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Where and how the SDK sends the requests a copy repeats most, learned from the SDK's own first one, so later ones can
 * be sent straight through the same HTTP client and signed alike without the SDK's request pipeline: a bucket's
 * CopyObject ({@code store.bucket.DirectCopy}; the pipeline cost five times the CPU of the request itself: 135 us
 * against 25 us per CopyObject past warm-up, 508 against 128 over the first 10,000) and a table's BatchWriteItem
 * ({@code store.table.DirectBatchWrite}), and a bucket's HeadObject of current versions ({@code store.bucket.DirectHead}, two
 * per object in verification). Everything the SDK decides (the endpoint with its FIPS, dual-stack,
 * accelerate or account-based settings, path or virtual-host style, the signing region and name, whether the payload
 * is signed) is read from the request it signed, never worked out again here. A bucket or table whose requests are not
 * plain SigV4 (S3 Express sessions, SigV4a for multi-region access points) gets no route and stays with the SDK.
 */
public final class SignedRoutes implements ExecutionInterceptor {
    private static final String SIGV4 = "AWS4-HMAC-SHA256 Credential=";
    /** A bucket's or table's mark once a request sent straight was refused: it is not learned again. */
    private static final Route REFUSED = new Route("", "", 0, "", "", "", false);
    private final ConcurrentMap<String, Route> routes = new ConcurrentHashMap<>();
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /** Where a bucket's copies or a table's writes go: the encoded path (a copy's before the encoded key), and how they are signed. */
    public record Route(String protocol, String host, int port, String pathPrefix, String signingRegion, String signingName,
                        boolean payloadSigned) {}

    public SignedRoutes(SdkHttpClient http, AwsCredentialsProvider credentials) {
        this.http = http;
        this.credentials = credentials;
    }

    /** The routes of {@code client}, when it was built with them. */
    public static Optional<SignedRoutes> of(SdkClient client) {
        return client.serviceClientConfiguration().overrideConfiguration().executionInterceptors().stream()
                .filter(SignedRoutes.class::isInstance).map(SignedRoutes.class::cast).findFirst();
    }

    /** An answer read whole: its status and headers, and its body (empty when it had none). */
    public record Answer(SdkHttpResponse response, byte[] body) {}

    /**
     * Signs {@code request} (and its {@code body}, where the route signs payloads) with the SDK's SigV4 signer as the SDK
     * signed the route's first request, and sends it through the SDK client's HTTP client and credentials; its answer,
     * read whole. The network's failure comes out as the SDK's would, {@link SdkClientException}. S3 alone has its path
     * URL-encoded once and left as it is, as the SDK signs it.
     */
    public Answer send(Route route, SdkHttpFullRequest request, Optional<byte[]> body) {
        SdkHttpFullRequest signed = (SdkHttpFullRequest) signer.sign(r -> {
            r.identity(credentials.resolveCredentials()).request(request)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, route.signingName())
                    .putProperty(AwsV4HttpSigner.REGION_NAME, route.signingRegion())
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, route.payloadSigned());
            if ("s3".equals(route.signingName())) {
                r.putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false).putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false);
            }
            body.ifPresent(b -> r.payload(() -> new ByteArrayInputStream(b)));
        }).request();
        HttpExecuteRequest.Builder execute = HttpExecuteRequest.builder().request(signed);
        body.ifPresent(b -> execute.contentStreamProvider(() -> new ByteArrayInputStream(b)));
        try {
            HttpExecuteResponse response = http.prepareRequest(execute.build()).call();
            try (InputStream in = response.responseBody().orElse(null)) {
                return new Answer(response.httpResponse(), in == null ? new byte[0] : in.readAllBytes());
            }
        } catch (IOException e) {
            throw SdkClientException.builder().message("Unable to execute HTTP request: " + e.getMessage()).cause(e).build();
        }
    }

    /** The route of copies to {@code bucket}, once the SDK has signed one. */
    public Optional<Route> copyRoute(String bucket) {
        return Optional.ofNullable(routes.get("copy:" + bucket)).filter(r -> r != REFUSED);
    }

    /** The route of HeadObject in {@code bucket} (current versions), once the SDK has signed one. */
    public Optional<Route> headRoute(String bucket) {
        return Optional.ofNullable(routes.get("head:" + bucket)).filter(r -> r != REFUSED);
    }

    /** The route of BatchWriteItem to {@code table}, once the SDK has signed one. */
    public Optional<Route> writeRoute(String table) {
        return Optional.ofNullable(routes.get("write:" + table)).filter(r -> r != REFUSED);
    }

    /**
     * Stops sending copies to {@code bucket} straight: a request sent so was refused (403, or a signature error) where
     * the SDK's was not, so for the rest of the run that bucket's copies go through the SDK, one request each.
     */
    public void refuseCopies(String bucket) {
        routes.put("copy:" + bucket, REFUSED);
    }

    /** As {@link #refuseCopies}, for HeadObject in {@code bucket}. */
    public void refuseHeads(String bucket) {
        routes.put("head:" + bucket, REFUSED);
    }

    /** As {@link #refuseCopies}, for BatchWriteItem to {@code table}. */
    public void refuseWrites(String table) {
        routes.put("write:" + table, REFUSED);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (context.request() instanceof CopyObjectRequest copy && copy.destinationBucket() != null
                && !routes.containsKey("copy:" + copy.destinationBucket())) {
            routeOf(copy.destinationKey(), context.httpRequest()).ifPresent(route -> routes.putIfAbsent("copy:" + copy.destinationBucket(), route));
        } else if (context.request() instanceof HeadObjectRequest head && head.bucket() != null && head.versionId() == null
                && !routes.containsKey("head:" + head.bucket())) {
            routeOf(head.key(), context.httpRequest()).ifPresent(route -> routes.putIfAbsent("head:" + head.bucket(), route));
        } else if (context.request() instanceof BatchWriteItemRequest write && write.requestItems().size() == 1) {
            String table = write.requestItems().keySet().iterator().next();
            if (!routes.containsKey("write:" + table)) {
                routeOf(context.httpRequest(), "").ifPresent(route -> routes.putIfAbsent("write:" + table, route));
            }
        }
    }

    /**
     * The route a signed CopyObject request to {@code key} shows, or empty when it is not one this shortcut can repeat
     * (see {@link #routeOf(SdkHttpRequest, String)}, and a key the SDK may spell otherwise). Pure.
     */
    static Optional<Route> routeOf(String key, SdkHttpRequest signed) {
        return plainKey(key) ? routeOf(signed, SdkHttpUtils.urlEncodeIgnoreSlashes(key)) : Optional.empty();
    }

    /**
     * The route a signed request shows, its path less {@code encodedTail}; empty when it is not one this shortcut can
     * repeat: not SigV4, a session token of S3 Express, a query string, or a path that does not end with that tail. Pure.
     */
    static Optional<Route> routeOf(SdkHttpRequest signed, String encodedTail) {
        String authorization = signed.firstMatchingHeader("Authorization").orElse("");
        String path = signed.encodedPath();
        if (!authorization.startsWith(SIGV4) || signed.firstMatchingHeader("x-amz-s3session-token").isPresent()
                || !signed.rawQueryParameters().isEmpty() || !path.endsWith(encodedTail)) {
            return Optional.empty();
        }
        // Credential=AKID/DATE/REGION/SERVICE/aws4_request
        int end = authorization.indexOf(',', SIGV4.length());
        String[] scope = authorization.substring(SIGV4.length(), end < 0 ? authorization.length() : end).split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
            return Optional.empty();
        }
        // S3 alone may leave the payload unsigned, and says so in this header; without it SigV4 hashes the payload
        boolean payloadSigned = !"UNSIGNED-PAYLOAD".equals(signed.firstMatchingHeader("x-amz-content-sha256").orElse(""));
        return Optional.of(new Route(signed.protocol(), signed.host(), signed.port(), path.substring(0, path.length() - encodedTail.length()),
                scope[2], scope[3], payloadSigned));
    }

    /**
     * A key whose path the SDK spells as the key encoded, nothing else: not empty, no empty, "." or ".." segment (an HTTP
     * stack may fold those), nothing but the key's own characters. Other keys go through the SDK. Pure.
     */
    public static boolean plainKey(String key) {
        if (key == null || key.isEmpty()) {
            return false;
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
