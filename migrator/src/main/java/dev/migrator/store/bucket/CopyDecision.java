package dev.migrator.store.bucket;

import dev.migrator.model.NonEmptyTargetPolicy;
import java.util.Optional;

/** What to do with one source object given what the target holds under its key, and why. */
public record CopyDecision(Action action, String reason) {

    public enum Action { COPY, SKIP, OVERWRITE }

    /**
     * Pure: absent target -> COPY; provably equal content -> SKIP; otherwise OVERWRITE, or SKIP when
     * the pair keeps what the target holds (skip-existing). Equal means equal size and either equal
     * single-part ETags (the MD5), the source ETag recorded on the target by an earlier multipart or
     * SSE-KMS copy, or equal multipart ETags (same content in the same parts).
     */
    public static CopyDecision decide(ListedObject source, Optional<ObjectHead> target, NonEmptyTargetPolicy policy) {
        if (target.isEmpty()) {
            return new CopyDecision(Action.COPY, "not in the target");
        }
        ObjectHead t = target.get();
        String difference = difference(source, t);
        if (difference == null) {
            return new CopyDecision(Action.SKIP, "already in the target with equal size and content");
        }
        if (policy == NonEmptyTargetPolicy.SKIP_EXISTING) {
            return new CopyDecision(Action.SKIP, "kept the target's object (skip-existing): " + difference);
        }
        return new CopyDecision(Action.OVERWRITE, difference);
    }

    /** Why the two differ or cannot be proven equal; null when they are equal. */
    private static String difference(ListedObject source, ObjectHead target) {
        if (source.size() != target.size()) {
            return "size differs: source " + source.size() + " B, target " + target.size() + " B";
        }
        Optional<String> recorded = target.recordedSourceETag();
        if (recorded.isPresent()) {
            return recorded.get().equals(source.etag()) ? null
                    : "the target was copied from another source version (recorded ETag " + recorded.get() + ")";
        }
        if (source.etag().equals(target.etag())) {
            return null;
        }
        return "ETag differs: source " + source.etag() + ", target " + target.etag();
    }
}
