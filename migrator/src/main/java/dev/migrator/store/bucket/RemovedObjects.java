package dev.migrator.store.bucket;

import dev.migrator.support.AwsErrors;
import dev.migrator.support.OwnerOnlyFiles;
import dev.migrator.support.RetryPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * Deletes from the target the objects deleted from the source since the copy: both buckets listed in key order
 * and walked side by side (memory stays flat), a target key the source lacks is deleted (a delete marker where
 * the target keeps versions), unless the target held it before migrator's first run (recorded then, in
 * {@code maps/<slug>-held-before.txt}) or the pair's include/exclude leave it out.
 */
final class RemovedObjects {
    private final BucketGateway source;
    private final BucketGateway target;
    private final String sourceBucket;
    private final String targetBucket;
    private final KeyFilter keys;
    private final RetryPolicy retry;

    RemovedObjects(BucketGateway source, BucketGateway target, String sourceBucket, String targetBucket, KeyFilter keys, RetryPolicy retry) {
        this.source = source;
        this.target = target;
        this.sourceBucket = sourceBucket;
        this.targetBucket = targetBucket;
        this.keys = keys;
        this.retry = retry;
    }

    /** What a pass deleted, and why deletions failed (the first few). */
    record Deleted(long count, List<String> first, List<String> failures) {}

    /** Before the first write of the first run: the keys Stack B holds, kept so no pass ever deletes them. */
    void recordHeldBefore(Path file) throws IOException, InterruptedException {
        if (Files.exists(file)) {
            return;
        }
        List<String> held = new ArrayList<>();
        listed(target, targetBucket).forEachRemaining(held::add);
        OwnerOnlyFiles.createDirectories(file.getParent());
        OwnerOnlyFiles.writeAtomically(file, (String.join("\n", held) + (held.isEmpty() ? "" : "\n")).getBytes(StandardCharsets.UTF_8));
    }

    Deleted delete(Path heldBeforeFile) throws IOException, InterruptedException {
        Set<String> heldBefore = Files.exists(heldBeforeFile) ? new HashSet<>(Files.readAllLines(heldBeforeFile, StandardCharsets.UTF_8)) : Set.of();
        Iterator<String> inSource = listed(source, sourceBucket);
        Iterator<String> inTarget = listed(target, targetBucket);
        String s = next(inSource);
        long deleted = 0;
        List<String> first = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        while (inTarget.hasNext()) {
            String t = inTarget.next();
            while (s != null && byCodePoint(s, t) < 0) {
                s = next(inSource);
            }
            if ((s != null && s.equals(t)) || heldBefore.contains(t) || !keys.accepts(t)) {
                continue;
            }
            try {
                retry.call(() -> target.addDeleteMarker(targetBucket, t));
                deleted++;
                if (first.size() < 10) {
                    first.add(t);
                }
            } catch (RuntimeException e) {
                if (failures.size() < 5) {
                    failures.add(t + ": " + AwsErrors.describe(e));
                }
            }
        }
        return new Deleted(deleted, first, failures);
    }

    /** S3 lists keys in UTF-8 byte order, which is code point order (not Java's UTF-16 order). */
    static int byCodePoint(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static String next(Iterator<String> keys) {
        return keys.hasNext() ? keys.next() : null;
    }

    /** Every current key of a bucket in S3's order (UTF-8 binary), one page at a time. */
    private Iterator<String> listed(BucketGateway gateway, String bucket) {
        return new Iterator<>() {
            private Iterator<ListedObject> page = List.<ListedObject>of().iterator();
            private Optional<String> token = Optional.empty();
            private boolean more = true;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && more) {
                    Optional<String> at = token;
                    BucketGateway.ListingPage listing;
                    try {
                        listing = retry.call(() -> gateway.listCurrent(bucket, "", Optional.empty(), at));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while listing " + bucket, e);
                    }
                    page = listing.objects().iterator();
                    token = listing.nextToken();
                    more = token.isPresent();
                }
                return page.hasNext();
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next().key();
            }
        };
    }
}
