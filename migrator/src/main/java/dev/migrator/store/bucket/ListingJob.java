package dev.migrator.store.bucket;

import java.util.List;
import java.util.Optional;

/**
 * One part of a bucket's listing of current objects that a lister reads on its own ({@link ListingFanOut}): the
 * objects directly under a prefix (read while the listing was planned), everything under one prefix, a run of
 * sibling prefixes (a key range of their parent: from the run's first prefix, before the next run's first), or
 * everything under a prefix the plan found nothing to split in (read while planning when it is one page). Its
 * {@code id} names it in the checkpoint: jobs of one id mean the same keys, so a mark of one run holds in the next.
 */
record ListingJob(Kind kind, String prefix, Optional<String> from, Optional<String> until, List<ListedObject> listed) {
    enum Kind { WHOLE, LEVEL, PREFIX, RANGE }

    ListingJob {
        listed = List.copyOf(listed);
    }

    static ListingJob whole(String prefix) {
        return new ListingJob(Kind.WHOLE, prefix, Optional.empty(), Optional.empty(), List.of());
    }

    /** Everything under {@code prefix}, already listed (one page). */
    static ListingJob whole(String prefix, List<ListedObject> objects) {
        return new ListingJob(Kind.WHOLE, prefix, Optional.empty(), Optional.empty(), objects);
    }

    /** Whether the job's objects were read while the listing was planned (nothing more to ask S3). */
    boolean preListed() {
        return kind == Kind.LEVEL || !listed.isEmpty();
    }

    /** The objects directly under {@code prefix}, already listed. */
    static ListingJob level(String prefix, List<ListedObject> objects) {
        return new ListingJob(Kind.LEVEL, prefix, Optional.empty(), Optional.empty(), objects);
    }

    static ListingJob under(String prefix) {
        return new ListingJob(Kind.PREFIX, prefix, Optional.empty(), Optional.empty(), List.of());
    }

    /** The sub-prefixes of {@code parent} from {@code from} on, before {@code until} (empty: to the end). */
    static ListingJob range(String parent, String from, Optional<String> until) {
        return new ListingJob(Kind.RANGE, parent, Optional.of(from), until, List.of());
    }

    String id() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + from.orElse(prefix);
    }

    /**
     * Where the listing starts: after {@code resumedAfter} (the key a checkpoint recorded) or, for a range, just
     * before its first prefix (the prefix without its trailing delimiter sorts before every key under it).
     */
    Optional<String> startAfter(Optional<String> resumedAfter) {
        if (resumedAfter.isPresent() || from.isEmpty()) {
            return resumedAfter;
        }
        String first = from.get();
        return Optional.of(first.substring(0, first.length() - 1));
    }

    /** Whether a listed key is this job's: a range skips what sorts before it and the parent's own objects. */
    boolean holds(String key) {
        return from.isEmpty() || KeyOrder.UTF8.compare(key, from.get()) >= 0 && key.indexOf('/', prefix.length()) >= 0;
    }

    /** Whether a listed key lies beyond this job (the listing of a range stops there). */
    boolean past(String key) {
        return until.isPresent() && KeyOrder.UTF8.compare(key, until.get()) >= 0;
    }

    /** How a failure names this job: "under 'assets/'", "under 'assets/' from 'assets/17/'". */
    String describe() {
        return "under '" + prefix + "'" + from.map(f -> " from '" + f + "'").orElse("");
    }
}
