package dev.migrator.store.bucket;

import java.util.Optional;

/**
 * One listing entry: a current object (no version id from ListObjectsV2), or a version or delete
 * marker from ListObjectVersions.
 */
public record ListedObject(String key, Optional<String> versionId, long size, String etag, boolean deleteMarker) {

    public static ListedObject current(String key, long size, String etag) {
        return new ListedObject(key, Optional.empty(), size, etag, false);
    }
}
