package dev.migrator.store.bucket;

import dev.migrator.support.AwsErrors;
import dev.migrator.support.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import dev.migrator.engine.WorkerPool;
import java.util.concurrent.Future;

/**
 * One large object copied with UploadPartCopy, its parts in parallel. Any part that still fails after
 * the retries aborts the upload, so no orphaned parts stay billed in the target bucket.
 */
final class MultipartCopy {
    /** S3 allows at most 10,000 parts per upload. */
    static final int MAX_PARTS = 10_000;

    sealed interface Result {
        record Done(Optional<String> versionId, int parts) implements Result {}

        record Aborted(String reason) implements Result {}
    }

    private final BucketGateway target;
    private final RetryPolicy retry;
    private final WorkerPool parts;
    private final long preferredPartSize;

    MultipartCopy(BucketGateway target, RetryPolicy retry, WorkerPool parts, long preferredPartSize) {
        this.target = target;
        this.retry = retry;
        this.parts = parts;
        this.preferredPartSize = preferredPartSize;
    }

    /** The part size for an object: the preferred one, grown so the object fits in 10,000 parts. */
    static long partSize(long objectSize, long preferred) {
        long needed = (objectSize + MAX_PARTS - 1) / MAX_PARTS;
        return Math.max(preferred, needed);
    }

    Result copy(BucketGateway.MultipartStart start, String sourceBucket, Optional<String> sourceVersion, long size)
            throws InterruptedException {
        String uploadId = retry.call(() -> target.startMultipart(start));
        long partSize = partSize(size, preferredPartSize);
        List<Future<String>> futures = new ArrayList<>();
        try {
            int partNumber = 1;
            for (long first = 0; first < size; first += partSize, partNumber++) {
                BucketGateway.PartCopy part = new BucketGateway.PartCopy(start.bucket(), start.key(), uploadId, partNumber,
                        sourceBucket, sourceVersion, first, Math.min(size, first + partSize) - 1);
                futures.add(parts.submit(() -> retry.call(() -> target.copyPart(part))));
            }
            List<String> etags = new ArrayList<>(futures.size());
            for (Future<String> f : futures) {
                etags.add(f.get());
            }
            Optional<String> version = retry.call(() -> target.completeMultipart(start.bucket(), start.key(), uploadId, etags));
            return new Result.Done(version, etags.size());
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            futures.forEach(f -> f.cancel(true));
            return new Result.Aborted(AwsErrors.describe(cause) + "; " + abort(start, uploadId));
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            abort(start, uploadId);
            throw e;
        }
    }

    private String abort(BucketGateway.MultipartStart start, String uploadId) {
        try {
            retry.run(() -> target.abortMultipart(start.bucket(), start.key(), uploadId));
            return "the multipart upload was aborted";
        } catch (RuntimeException | InterruptedException e) {
            return "aborting upload " + uploadId + " failed too (" + AwsErrors.describe(e) + "); remove it with "
                    + "'aws s3api abort-multipart-upload --bucket " + start.bucket() + " --key <key> --upload-id " + uploadId
                    + "' or a lifecycle rule";
        }
    }
}
