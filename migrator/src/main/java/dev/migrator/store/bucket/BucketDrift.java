package dev.migrator.store.bucket;

import dev.migrator.engine.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stack B's bucket beside Stack A's: the differences that change behaviour once traffic moves. Warnings with the fix. */
final class BucketDrift {
    private BucketDrift() {}

    static List<Finding> compare(String sourceBucket, BucketConfig a, String targetBucket, BucketConfig b) {
        List<Finding> findings = new ArrayList<>();
        if (a.encryption().isPresent() && b.encryption().isPresent() && !a.encryption().equals(b.encryption())) {
            findings.add(Finding.warning("default encryption differs: " + sourceBucket + " " + a.encryption().get() + ", " + targetBucket
                    + " " + b.encryption().get(), "give Stack B's bucket the source's default encryption (aws s3api put-bucket-encryption)"));
        }
        more(findings, "lifecycle rule(s)", a.lifecycleRules(), b.lifecycleRules(), sourceBucket, targetBucket,
                "objects A would transition or expire stay in B as they are", "put-bucket-lifecycle-configuration");
        more(findings, "CORS rule(s)", a.corsRules(), b.corsRules(), sourceBucket, targetBucket,
                "browsers calling B from A's origins are refused", "put-bucket-cors");
        if (a.objectLock().filter(l -> !l.equals("none")).isPresent() && b.objectLock().filter(l -> l.equals("none")).isPresent()) {
            findings.add(Finding.warning("object lock is " + a.objectLock().get() + " on " + sourceBucket + " but off on " + targetBucket,
                    "object lock can only be enabled when a bucket is created: create Stack B's bucket with it"));
        }
        Finding.notAnswered("bucket settings", a.unanswered(), b.unanswered()).ifPresent(findings::add);
        return findings;
    }

    private static void more(List<Finding> findings, String what, Optional<Integer> a, Optional<Integer> b, String sourceBucket,
                             String targetBucket, String effect, String command) {
        if (a.isPresent() && b.isPresent() && a.get() > 0 && !a.get().equals(b.get())) {
            findings.add(Finding.warning(sourceBucket + " has " + a.get() + " " + what + ", " + targetBucket + " " + b.get(),
                    "copy them to Stack B's bucket (aws s3api " + command + "), or " + effect));
        }
    }
}
