package dev.migrator.store.bucket;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the bucket step needs of S3, in our own terms (no SDK types). Copies are issued through the
 * gateway of the target stack and name the source bucket, so the bytes never leave S3.
 */
public interface BucketGateway {

    /** Where this gateway's S3 lives (an endpoint URL, or the AWS partition): server-side copies need one. */
    String service();

    /** The bucket's description, or empty if it does not exist. */
    Optional<BucketInfo> describe(String bucket);

    /** Up to {@code limit} keys, and whether more exist. */
    KeyListing firstKeys(String bucket, int limit);

    /** The bucket's behaviour-changing configuration (preflight compares both sides); unknown where not implemented. */
    default BucketConfig configuration(String bucket) {
        return BucketConfig.UNKNOWN;
    }

    /**
     * One ListObjectsV2 page of current objects under {@code prefix}, after {@code startAfter} if given;
     * {@code token} is the previous page's next token.
     */
    ListingPage listCurrent(String bucket, String prefix, Optional<String> startAfter, Optional<String> token);

    /**
     * The first ListObjectsV2 page of one level under {@code prefix} (delimiter "/"): the objects directly under it,
     * and its sub-prefixes (each once, with the delimiter) in {@link ListingPage#prefixes}.
     */
    ListingPage listLevel(String bucket, String prefix);

    /** One ListObjectVersions page: every version and delete marker, each key's newest first. */
    VersionPage listVersions(String bucket, String prefix, Optional<VersionCursor> cursor);

    /** The object's size, ETag, version and attributes, or empty if the key (or version) does not exist. */
    Optional<ObjectHead> head(String bucket, String key, Optional<String> versionId);

    /** The object's tags, or empty when this S3 endpoint does not implement tagging. */
    Optional<Map<String, String>> tags(String bucket, String key, Optional<String> versionId);

    /** CopyObject, issued here (the target side). */
    CopyResult copy(ObjectCopy request);

    /** CreateMultipartUpload; returns the upload id. */
    String startMultipart(MultipartStart request);

    /** UploadPartCopy of an inclusive byte range; returns the part's ETag. */
    String copyPart(PartCopy request);

    /** CompleteMultipartUpload with the parts' ETags in part order; returns the new version id, if any. */
    Optional<String> completeMultipart(String bucket, String key, String uploadId, List<String> partETags);

    void abortMultipart(String bucket, String key, String uploadId);

    /** DeleteObject without a version: in a versioned bucket this adds a delete marker, whose version id is returned. */
    Optional<String> addDeleteMarker(String bucket, String key);

    record KeyListing(List<String> keys, boolean truncated) {
        public KeyListing {
            keys = List.copyOf(keys);
        }
    }

    record ListingPage(List<ListedObject> objects, List<String> prefixes, Optional<String> nextToken) {
        public ListingPage {
            objects = List.copyOf(objects);
            prefixes = List.copyOf(prefixes);
        }

        public ListingPage(List<ListedObject> objects, Optional<String> nextToken) {
            this(objects, List.of(), nextToken);
        }
    }

    record VersionCursor(String keyMarker, String versionIdMarker) {}

    record VersionPage(List<ListedObject> objects, Optional<VersionCursor> next) {
        public VersionPage {
            objects = List.copyOf(objects);
        }
    }

    /** A CopyObject; empty {@code replaceAttributes} copies the source's metadata and tags as they are. */
    record ObjectCopy(String sourceBucket, String key, Optional<String> sourceVersionId, String targetBucket,
                      Optional<ObjectAttributes> replaceAttributes, Optional<String> storageClass, Optional<String> kmsKeyId) {}

    /** What a copy made: the source version it read and the target version it created (either may be unknown). */
    record CopyResult(Optional<String> sourceVersionId, Optional<String> targetVersionId, String etag) {}

    record MultipartStart(String bucket, String key, ObjectAttributes attributes, Map<String, String> tags,
                          Optional<String> storageClass, Optional<String> kmsKeyId) {}

    record PartCopy(String bucket, String key, String uploadId, int partNumber, String sourceBucket,
                    Optional<String> sourceVersionId, long firstByte, long lastByte) {}
}
