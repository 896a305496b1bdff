package dev.migrator.store.bucket;

import java.util.Optional;

/** HeadObject's answer: size, ETag, version id, optional SHA-256 checksum, and the attributes a copy keeps. */
public record ObjectHead(String key, Optional<String> versionId, long size, String etag, Optional<String> checksumSha256,
                         ObjectAttributes attributes) {

    /** The source ETag this object was copied from, if migrator recorded it (multipart and SSE-KMS copies). */
    public Optional<String> recordedSourceETag() {
        return Optional.ofNullable(attributes.userMetadata().get(ObjectAttributes.SOURCE_ETAG));
    }
}
