package dev.migrator.store.bucket;

import dev.migrator.support.AwsErrors;
import dev.migrator.support.RetryPolicy;
import java.util.Map;
import java.util.Optional;
import dev.migrator.engine.WorkerPool;

/**
 * Copies one object or version server-side: CopyObject up to the multipart threshold, a
 * {@link MultipartCopy} above it. A single copy keeps the source's headers, metadata and tags as S3
 * copies them; with an SSE-KMS key, or a source uploaded in parts, the attributes are set explicitly and the
 * source ETag recorded, because the target's ETag then differs from the source's. A failure comes back as {@link ObjectOutcome.Failed}.
 */
final class ObjectCopier {
    /** Where the copy goes and how: target bucket, storage class, KMS key, multipart sizes. */
    record Settings(String sourceBucket, String targetBucket, Optional<String> storageClass, Optional<String> kmsKeyId,
                    long multipartThreshold, long partSize) {}

    private final BucketGateway source;
    private final BucketGateway target;
    private final Settings settings;
    private final RetryPolicy retry;
    private final WorkerPool parts;

    ObjectCopier(BucketGateway source, BucketGateway target, Settings settings, RetryPolicy retry, WorkerPool parts) {
        this.source = source;
        this.target = target;
        this.settings = settings;
        this.retry = retry;
        this.parts = parts;
    }

    ObjectOutcome copy(ListedObject object) throws InterruptedException {
        try {
            return object.size() > settings.multipartThreshold() ? copyInParts(object) : copyWhole(object);
        } catch (RuntimeException e) {
            return new ObjectOutcome.Failed(object, ObjectDeadLetter.Stage.COPY, AwsErrors.describe(e));
        }
    }

    private ObjectOutcome copyWhole(ListedObject object) throws InterruptedException {
        Optional<ObjectAttributes> replace = Optional.empty();
        if (settings.kmsKeyId().isPresent() || isMultipartETag(object.etag())) {
            Optional<ObjectHead> head = headSource(object);
            if (head.isEmpty()) {
                return gone(object);
            }
            replace = Optional.of(head.get().attributes().recordingSourceETag(object.etag()));
        }
        BucketGateway.ObjectCopy request = new BucketGateway.ObjectCopy(settings.sourceBucket(), object.key(), object.versionId(),
                settings.targetBucket(), replace, settings.storageClass(), settings.kmsKeyId());
        BucketGateway.CopyResult result = retry.call(() -> target.copy(request));
        return new ObjectOutcome.Copied(object, result.sourceVersionId().or(object::versionId), result.targetVersionId(), false);
    }

    private ObjectOutcome copyInParts(ListedObject object) throws InterruptedException {
        Optional<ObjectHead> head = headSource(object);
        if (head.isEmpty()) {
            return gone(object);
        }
        Map<String, String> tags = retry.call(() -> source.tags(settings.sourceBucket(), object.key(), object.versionId()))
                .orElse(Map.of());
        BucketGateway.MultipartStart start = new BucketGateway.MultipartStart(settings.targetBucket(), object.key(),
                head.get().attributes().recordingSourceETag(object.etag()), tags, settings.storageClass(), settings.kmsKeyId());
        Optional<String> sourceVersion = object.versionId().or(() -> head.get().versionId());
        MultipartCopy.Result result = new MultipartCopy(target, retry, parts, settings.partSize())
                .copy(start, settings.sourceBucket(), sourceVersion, head.get().size());
        if (result instanceof MultipartCopy.Result.Done done) {
            return new ObjectOutcome.Copied(object, sourceVersion, done.versionId(), true);
        }
        return new ObjectOutcome.Failed(object, ObjectDeadLetter.Stage.MULTIPART, ((MultipartCopy.Result.Aborted) result).reason());
    }

    /**
     * An ETag of the form {@code <md5 of part md5s>-<parts>}: the object was uploaded in parts (AWS CLI, console,
     * transfer managers). A single CopyObject gives the copy a whole-content ETag, so the source's is recorded
     * on the copy (x-amz-meta-migrator-source-etag) for {@link CopyDecision} and verification to compare.
     */
    static boolean isMultipartETag(String etag) {
        return etag.matches("\"?[0-9a-fA-F]{32}-[0-9]+\"?");
    }

    private Optional<ObjectHead> headSource(ListedObject object) throws InterruptedException {
        return retry.call(() -> source.head(settings.sourceBucket(), object.key(), object.versionId()));
    }

    private static ObjectOutcome gone(ListedObject object) {
        return new ObjectOutcome.Failed(object, ObjectDeadLetter.Stage.HEAD, "the source object was deleted after it was listed");
    }
}
