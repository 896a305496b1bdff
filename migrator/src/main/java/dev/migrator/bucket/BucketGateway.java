package dev.migrator.bucket;

import java.util.Optional;

/** What the bucket steps need of S3, in our own terms (no SDK types). */
public interface BucketGateway {

    /** The bucket's description, or empty if it does not exist. */
    Optional<BucketInfo> describe(String bucket);

    /** Up to {@code limit} keys, and whether more exist. */
    KeyListing firstKeys(String bucket, int limit);

    record KeyListing(java.util.List<String> keys, boolean truncated) {
        public KeyListing {
            keys = java.util.List.copyOf(keys);
        }
    }
}
