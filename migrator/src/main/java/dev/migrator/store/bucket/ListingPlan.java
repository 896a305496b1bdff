package dev.migrator.store.bucket;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a listing of everything under a prefix splits into jobs several listers can read at once. S3 lists one page
 * after another, each naming the next; where a bucket keeps its keys under sibling prefixes ("assets/17/..."), each
 * prefix is a listing of its own. A listing of one page is not split. Else the plan reads the first page of the
 * prefix's level (delimiter "/"): through a
 * level that holds one prefix and nothing else it goes down (at most {@link #MAX_DEPTH} levels); a level that fits
 * one page becomes its objects (already read) and its sub-prefixes, one job each or, beyond {@link #MAX_JOBS},
 * that many runs of neighbours; a level of more than one page (a flat bucket) stays one sequential listing.
 */
final class ListingPlan {
    static final int MAX_JOBS = 64;
    static final int MAX_DEPTH = 4;

    /** First pages: of everything under a prefix, or of its level (the objects directly under it, and its sub-prefixes). */
    interface Pages {
        BucketGateway.ListingPage first(String prefix) throws InterruptedException;

        BucketGateway.ListingPage level(String prefix) throws InterruptedException;
    }

    private ListingPlan() {}

    /**
     * Everything under {@code root} that fits one page is that page, already read: splitting it would cost a request
     * per prefix where one did (on a 30 ms link, a thousand objects under fifty prefixes listed in fifty round trips
     * instead of one). A larger listing is split by its levels.
     */
    static List<ListingJob> of(String root, Pages pages) throws InterruptedException {
        BucketGateway.ListingPage first = pages.first(root);
        if (first.nextToken().isEmpty()) {
            return first.objects().isEmpty() ? List.of() : List.of(ListingJob.whole(root, first.objects()));
        }
        String prefix = root;
        for (int depth = 0; ; depth++) {
            BucketGateway.ListingPage level = pages.level(prefix);
            if (level.nextToken().isPresent()) {
                return List.of(ListingJob.whole(prefix));
            }
            if (level.objects().isEmpty() && level.prefixes().size() == 1 && depth < MAX_DEPTH) {
                prefix = level.prefixes().get(0);
                continue;
            }
            List<ListingJob> jobs = new ArrayList<>();
            if (!level.objects().isEmpty()) {
                jobs.add(ListingJob.level(prefix, level.objects()));
            }
            jobs.addAll(split(prefix, level.prefixes()));
            return jobs;
        }
    }

    /** One job per sub-prefix, or {@link #MAX_JOBS} runs of neighbours (each listed as a key range of the parent). */
    static List<ListingJob> split(String parent, List<String> prefixes) {
        if (prefixes.size() <= MAX_JOBS) {
            return prefixes.stream().map(ListingJob::under).toList();
        }
        List<ListingJob> runs = new ArrayList<>();
        int n = prefixes.size();
        for (int run = 0; run < MAX_JOBS; run++) {
            int first = run * n / MAX_JOBS;
            int next = (run + 1) * n / MAX_JOBS;
            runs.add(ListingJob.range(parent, prefixes.get(first), next < n ? Optional.of(prefixes.get(next)) : Optional.empty()));
        }
        return runs;
    }
}
