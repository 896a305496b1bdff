package dev.migrator.store.bucket;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** A target gateway that throttles some copies (503 SlowDown) and can fail one part of every multipart copy for good. */
final class FaultyBucketGateway implements BucketGateway {
    private final BucketGateway delegate;
    private final double throttleRate;
    private final int failingPart;
    final AtomicInteger throttled = new AtomicInteger();
    final AtomicInteger aborted = new AtomicInteger();

    FaultyBucketGateway(BucketGateway delegate, double throttleRate, int failingPart) {
        this.delegate = delegate;
        this.throttleRate = throttleRate;
        this.failingPart = failingPart;
    }

    private static AwsServiceException error(int status, String code) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("injected " + code).build()).build();
    }

    private void maybeThrottle() {
        if (ThreadLocalRandom.current().nextDouble() < throttleRate) {
            throttled.incrementAndGet();
            throw error(503, "SlowDown");
        }
    }

    @Override
    public String service() {
        return delegate.service();
    }

    @Override
    public Optional<BucketInfo> describe(String bucket) {
        return delegate.describe(bucket);
    }

    @Override
    public KeyListing firstKeys(String bucket, int limit) {
        return delegate.firstKeys(bucket, limit);
    }

    @Override
    public ListingPage listCurrent(String bucket, String prefix, Optional<String> startAfter, Optional<String> token) {
        return delegate.listCurrent(bucket, prefix, startAfter, token);
    }

    @Override
    public ListingPage listLevel(String bucket, String prefix) {
        return delegate.listLevel(bucket, prefix);
    }

    @Override
    public VersionPage listVersions(String bucket, String prefix, Optional<VersionCursor> cursor) {
        return delegate.listVersions(bucket, prefix, cursor);
    }

    @Override
    public Optional<ObjectHead> head(String bucket, String key, Optional<String> versionId) {
        maybeThrottle();
        return delegate.head(bucket, key, versionId);
    }

    @Override
    public Optional<Map<String, String>> tags(String bucket, String key, Optional<String> versionId) {
        return delegate.tags(bucket, key, versionId);
    }

    @Override
    public CopyResult copy(ObjectCopy request) {
        maybeThrottle();
        return delegate.copy(request);
    }

    @Override
    public String startMultipart(MultipartStart request) {
        return delegate.startMultipart(request);
    }

    @Override
    public String copyPart(PartCopy request) {
        if (request.partNumber() == failingPart) {
            throw error(400, "InjectedPartFailure");
        }
        maybeThrottle();
        return delegate.copyPart(request);
    }

    @Override
    public Optional<String> completeMultipart(String bucket, String key, String uploadId, List<String> partETags) {
        return delegate.completeMultipart(bucket, key, uploadId, partETags);
    }

    @Override
    public void abortMultipart(String bucket, String key, String uploadId) {
        aborted.incrementAndGet();
        delegate.abortMultipart(bucket, key, uploadId);
    }

    @Override
    public Optional<String> addDeleteMarker(String bucket, String key) {
        return delegate.addDeleteMarker(bucket, key);
    }
}
