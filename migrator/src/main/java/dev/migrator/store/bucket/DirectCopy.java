package dev.migrator.store.bucket;

import dev.migrator.aws.SignedRoutes;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * A CopyObject sent on the route the SDK used for the bucket's earlier copies ({@link SignedRoutes}), signed by the SDK's
 * own SigV4 signer and sent through the same HTTP client, without the rest of the SDK's request pipeline. Only the
 * plain case goes this way (the source's metadata kept, optionally a storage class or a KMS key): anything else, and
 * any answer but a success or a failure worth another attempt, is left to the SDK, which sends the copy again and
 * reads that answer its own way. A failure comes out as the SDK's would: {@link S3Exception} with S3's error code and
 * status for 5xx and throttling, {@link SdkClientException} for the network.
 */
final class DirectCopy {
    private static final String USER_AGENT = "migrator aws-sdk-java/direct-copy";
    private final SignedRoutes routes;

    DirectCopy(SignedRoutes routes) {
        this.routes = routes;
    }

    /** The copy done, or empty when it is the SDK's to do (no route yet, or a request or answer it must handle). */
    Optional<BucketGateway.CopyResult> copy(BucketGateway.ObjectCopy copy) {
        // a source named by an access point's ARN is spelled otherwise in x-amz-copy-source: the SDK's to write
        if (copy.replaceAttributes().isPresent() || !SignedRoutes.plainKey(copy.key()) || copy.sourceBucket().startsWith("arn:")) {
            return Optional.empty();
        }
        Optional<SignedRoutes.Route> route = routes.copyRoute(copy.targetBucket());
        if (route.isEmpty()) {
            return Optional.empty();
        }
        SignedRoutes.Answer answer = routes.send(route.get(), request(route.get(), copy), Optional.empty());
        Optional<BucketGateway.CopyResult> result = answer(answer.response(), answer.body());
        if (result.isEmpty() && refused(answer.response(), answer.body())) {
            routes.refuseCopies(copy.targetBucket());
        }
        return result;
    }

    /** The unsigned request: S3's CopyObject as the SDK marshals it for these fields. Pure. */
    static SdkHttpFullRequest request(SignedRoutes.Route route, BucketGateway.ObjectCopy copy) {
        String source = SdkHttpUtils.urlEncodeIgnoreSlashes(copy.sourceBucket()) + "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(copy.key())
                + copy.sourceVersionId().map(v -> "?versionId=" + SdkHttpUtils.urlEncodeIgnoreSlashes(v)).orElse("");
        SdkHttpFullRequest.Builder b = SdkHttpFullRequest.builder().method(SdkHttpMethod.PUT).protocol(route.protocol())
                .host(route.host()).port(route.port()).encodedPath(route.pathPrefix() + SdkHttpUtils.urlEncodeIgnoreSlashes(copy.key()))
                .putHeader("x-amz-copy-source", source).putHeader("Content-Length", "0").putHeader("User-Agent", USER_AGENT);
        copy.storageClass().ifPresent(c -> b.putHeader("x-amz-storage-class", c));
        copy.kmsKeyId().ifPresent(k -> b.putHeader("x-amz-server-side-encryption", "aws:kms")
                .putHeader("x-amz-server-side-encryption-aws-kms-key-id", k));
        return b.build();
    }

    /** Whether S3 refused the request itself (403, or a signature S3 could not check), not the copy it asked for. Pure. */
    static boolean refused(SdkHttpResponse response, byte[] body) {
        String code = String.valueOf(CopyResultBody.text(new String(body, StandardCharsets.UTF_8), "Code"));
        return response.statusCode() == 403 || code.contains("Signature") || code.equals("AuthorizationHeaderMalformed");
    }

    /**
     * What an answer means: the copy's result; S3's error as the SDK would throw it, for a failure worth another attempt
     * (5xx, throttling); empty for anything else, the SDK's to read. Pure.
     */
    static Optional<BucketGateway.CopyResult> answer(SdkHttpResponse response, byte[] body) {
        int status = response.statusCode();
        if (response.isSuccessful()) {
            CopyResultBody result = new CopyResultBody();
            if (result.apply(body).length != 0 || result.etag() == null) {
                return Optional.empty(); // S3's error inside a 200, or a body not shaped as expected
            }
            return Optional.of(new BucketGateway.CopyResult(response.firstMatchingHeader("x-amz-copy-source-version-id"),
                    response.firstMatchingHeader("x-amz-version-id"), SdkBucketGateway.unquote(result.etag())));
        }
        String xml = new String(body, StandardCharsets.UTF_8);
        String code = CopyResultBody.text(xml, "Code");
        if (!(status >= 500 || status == 429 || "SlowDown".equals(code))) {
            return Optional.empty();
        }
        throw failure(response, Optional.ofNullable(code), Optional.ofNullable(CopyResultBody.text(xml, "Message")),
                Optional.ofNullable(CopyResultBody.text(xml, "RequestId")));
    }

    /**
     * S3's failure as the SDK throws it: its status, S3's code and message where the answer had a body to say them (else
     * the status), and the request id from the body or the header. Pure.
     */
    static S3Exception failure(SdkHttpResponse response, Optional<String> code, Optional<String> message, Optional<String> requestId) {
        int status = response.statusCode();
        String text = message.orElse("HTTP " + status);
        String id = requestId.or(() -> response.firstMatchingHeader("x-amz-request-id")).orElse(null);
        return (S3Exception) S3Exception.builder().statusCode(status).requestId(id)
                .message(text + " (Service: S3, Status Code: " + status + ", Request ID: " + id + ")")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code.orElse(String.valueOf(status))).errorMessage(text)
                        .serviceName("S3").sdkHttpResponse(response).build())
                .build();
    }
}
