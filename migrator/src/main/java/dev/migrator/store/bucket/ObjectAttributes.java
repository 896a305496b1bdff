package dev.migrator.store.bucket;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
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

    /** Expires as an instant, where it is an HTTP date (RFC 1123); S3 keeps any other text as it was given. */
    public Optional<Instant> expiresAt() {
        return expires.flatMap(ObjectAttributes::httpDate);
    }

    /**
     * Whether {@code other} says the same as these attributes, header by header, and the same user metadata less the
     * source ETag migrator records; Expires by the instant where both are HTTP dates (a copy that sets it again writes
     * S3's own spelling), else by its text.
     */
    public boolean sameAs(ObjectAttributes other) {
        Map<String, String> mine = new HashMap<>(userMetadata);
        Map<String, String> theirs = new HashMap<>(other.userMetadata);
        mine.remove(SOURCE_ETAG);
        theirs.remove(SOURCE_ETAG);
        Optional<Instant> at = expiresAt();
        Optional<Instant> otherAt = other.expiresAt();
        boolean sameExpires = at.isPresent() && otherAt.isPresent() ? at.equals(otherAt) : expires.equals(other.expires);
        return mine.equals(theirs) && sameExpires && contentType.equals(other.contentType) && contentEncoding.equals(other.contentEncoding)
                && contentLanguage.equals(other.contentLanguage) && contentDisposition.equals(other.contentDisposition)
                && cacheControl.equals(other.cacheControl);
    }

    private static Optional<Instant> httpDate(String text) {
        try {
            return Optional.of(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The same attributes with the source's ETag recorded in the user metadata. */
    public ObjectAttributes recordingSourceETag(String etag) {
        Map<String, String> metadata = new HashMap<>(userMetadata);
        metadata.put(SOURCE_ETAG, etag);
        return new ObjectAttributes(contentType, contentEncoding, contentLanguage, contentDisposition, cacheControl, expires, metadata);
    }
}
