package dev.migrator.store.bucket;

import java.util.Map;
import java.util.Optional;

/** The headers and user metadata a copy must carry over; each header is empty when the object has none. */
public record ObjectAttributes(
        Optional<String> contentType,
        Optional<String> contentEncoding,
        Optional<String> contentLanguage,
        Optional<String> contentDisposition,
        Optional<String> cacheControl,
        Optional<String> expires,
        Map<String, String> userMetadata) {

    /** User metadata key (x-amz-meta-migrator-source-etag) recording the source ETag where the target's ETag differs. */
    public static final String SOURCE_ETAG = "migrator-source-etag";

    public ObjectAttributes {
        userMetadata = Map.copyOf(userMetadata);
    }

    /** The same attributes with the source's ETag recorded in the user metadata. */
    public ObjectAttributes recordingSourceETag(String etag) {
        java.util.Map<String, String> metadata = new java.util.HashMap<>(userMetadata);
        metadata.put(SOURCE_ETAG, etag);
        return new ObjectAttributes(contentType, contentEncoding, contentLanguage, contentDisposition, cacheControl, expires, metadata);
    }
}
