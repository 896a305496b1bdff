package dev.migrator.store.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.engine.StepResult;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A source listed in many pages (read one ahead), or under sibling prefixes listed side by side: every object copied
 * once, a page that fails stops the copy with its reason, and a resume lists each listing job after its own mark.
 */
@ExtendWith(LocalAwsExtension.class)
class BucketListingPagesTest {
    private static final int PAGE = 3;

    @Test
    void everyPageOfTheListingIsCopiedOnce(LocalAws aws, @TempDir Path dir) throws Exception {
        List<String> pagesAsked = new CopyOnWriteArrayList<>();

        Copied copied = copyInPages(aws, dir, "pages", -1, pagesAsked);

        assertThat(copied.result()).isInstanceOf(StepResult.Completed.class);
        assertThat(((StepResult.Completed) copied.result()).counters()).isEqualTo(new StepResult.Counters(10, 10, 0, 0));
        assertThat(pagesAsked).containsExactly("0", "level", "0", "3", "6", "9");
        assertThat(copied.target()).isEqualTo(copied.source());
    }

    @Test
    void aPageThatCannotBeListedStopsTheCopyWithItsReasonAfterThePagesBeforeIt(LocalAws aws, @TempDir Path dir) throws Exception {
        Copied copied = copyInPages(aws, dir, "pagefail", 2, new CopyOnWriteArrayList<>());

        assertThat(copied.result()).isInstanceOf(StepResult.Failed.class);
        assertThat(((StepResult.Failed) copied.result()).reason()).contains("listing " + copied.sourceBucket() + " under '' failed")
                .contains("AccessDenied");
        assertThat(copied.target().keySet()).containsExactly("k00", "k01", "k02", "k03", "k04", "k05");
    }

    @Test
    void keyHistoriesThatSpanPagesArriveWholeAndInOrder(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("vpages-a");
        String target = LocalAws.uniqueName("vpages-b");
        try (S3Client s3 = aws.s3(BucketSteps.A)) {
            BucketFixtures.create(s3, source, true);
            BucketFixtures.create(s3, target, true);
            for (String version : List.of("a1", "a2", "b1", "b2", "b3", "c1", "c2")) { // pages of 3: b and c each span two
                BucketFixtures.put(s3, source, version.substring(0, 1), BucketFixtures.random(10 + version.charAt(1), version.hashCode()));
            }
            BucketGateway real = new SdkBucketGateway(s3, aws.s3Endpoint().toString());
            List<String> pagesAsked = new CopyOnWriteArrayList<>();

            StepResult result = BucketSteps.step(BucketSteps.schema(aws, dir, source, target, ", \"versions\": \"all\""), dir,
                    paged(real, source, -1, pagesAsked), real);

            assertThat(((StepResult.Completed) result).counters()).isEqualTo(new StepResult.Counters(7, 7, 0, 0));
            assertThat(pagesAsked).containsExactly("0", "3", "6");
            assertThat(BucketVersionsTest.history(s3, target)).isEqualTo(BucketVersionsTest.history(s3, source));
        }
    }

    @Test
    void siblingPrefixesAreListedAtOnceAndEachObjectCopiedOnce(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("fan-a");
        String target = LocalAws.uniqueName("fan-b");
        try (S3Client s3 = aws.s3(BucketSteps.A)) {
            fillUnderPrefixes(s3, source, target, 70, 2); // more prefixes than jobs: runs of neighbours, listed as key ranges
            BucketGateway real = new SdkBucketGateway(s3, aws.s3Endpoint().toString());
            List<Boolean> overlapped = new CopyOnWriteArrayList<>();

            StepResult result = BucketSteps.step(BucketSteps.schema(aws, dir, source, target, ""), dir,
                    paged(real, source, -1, new CopyOnWriteArrayList<>(), 1000, new CountDownLatch(2), overlapped), real);

            assertThat(((StepResult.Completed) result).counters()).isEqualTo(new StepResult.Counters(142, 142, 0, 0));
            assertThat(overlapped).as("a listing call waited for a second one under way").startsWith(true);
            assertThat(BucketFixtures.contents(s3, target)).isEqualTo(BucketFixtures.contents(s3, source));
        }
    }

    @Test
    void aResumeListsEachJobAfterItsOwnMarkAndCopiesNothingTwice(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("fanres-a");
        String target = LocalAws.uniqueName("fanres-b");
        try (S3Client s3 = aws.s3(BucketSteps.A)) {
            fillUnderPrefixes(s3, source, target, 20, 4); // one job per prefix, each listed in two pages
            BucketGateway real = new SdkBucketGateway(s3, aws.s3Endpoint().toString());
            Path schema = BucketSteps.schema(aws, dir, source, target, "");

            StepResult.Failed first = (StepResult.Failed) BucketSteps.step(schema, dir, byPrefix(real, source, 1), real);
            StepResult.Completed resumed = (StepResult.Completed) BucketSteps.resume(schema, dir, byPrefix(real, source, -1), real);

            assertThat(first.reason()).contains("listing " + source + " under 'p").contains("AccessDenied");
            assertThat(first.counters().written()).isPositive();
            assertThat(first.counters().written() + resumed.counters().written()).as("each object copied once").isEqualTo(82);
            assertThat(resumed.counters().read()).as("jobs resumed after their marks").isLessThan(82);
            assertThat(BucketFixtures.contents(s3, target)).isEqualTo(BucketFixtures.contents(s3, source));
        }
    }

    /** Two objects at the top, {@code each} under each of {@code prefixes} sibling prefixes. */
    private static void fillUnderPrefixes(S3Client s3, String source, String target, int prefixes, int each) {
        BucketFixtures.create(s3, source, false);
        BucketFixtures.create(s3, target, false);
        BucketFixtures.put(s3, source, "r0", BucketFixtures.random(5, 0));
        BucketFixtures.put(s3, source, "r1", BucketFixtures.random(6, 1));
        for (int p = 0; p < prefixes; p++) {
            for (int k = 0; k < each; k++) {
                BucketFixtures.put(s3, source, String.format("p%02d/k%d", p, k), BucketFixtures.random(10 + k, (long) p * each + k));
            }
        }
    }

    /** The step's result and both buckets' contents after it ran. */
    private record Copied(String sourceBucket, StepResult result, Map<String, String> source, Map<String, String> target) {}

    /** Copies ten objects from a source listed in pages of {@value #PAGE}, page {@code failing} refused (-1: none). */
    private static Copied copyInPages(LocalAws aws, Path dir, String name, int failing, List<String> asked) throws Exception {
        String source = LocalAws.uniqueName(name + "-a");
        String target = LocalAws.uniqueName(name + "-b");
        try (S3Client s3 = aws.s3(BucketSteps.A)) {
            fill(s3, source, target, 10);
            BucketGateway real = new SdkBucketGateway(s3, aws.s3Endpoint().toString());
            StepResult result = BucketSteps.step(BucketSteps.schema(aws, dir, source, target, ""), dir,
                    paged(real, source, failing, asked), real);
            return new Copied(source, result, BucketFixtures.contents(s3, source), BucketFixtures.contents(s3, target));
        }
    }

    private static void fill(S3Client s3, String source, String target, int objects) {
        BucketFixtures.create(s3, source, false);
        BucketFixtures.create(s3, target, false);
        for (int i = 0; i < objects; i++) {
            BucketFixtures.put(s3, source, String.format("k%02d", i), BucketFixtures.random(10 + i, i));
        }
    }

    /**
     * {@code real}, listing {@code bucket}'s objects or versions in pages of {@value #PAGE} (the token, or the cursor's
     * key marker, is the index of the page's first entry, recorded in {@code asked}); page {@code failing} (from 0;
     * -1: none) is refused with 403 AccessDenied.
     */
    private static BucketGateway paged(BucketGateway real, String bucket, int failing, List<String> asked) {
        return paged(real, bucket, failing, asked, PAGE, null, new CopyOnWriteArrayList<>());
    }

    /** As above, the level read whole (up to 1,000 entries), so sibling prefixes become jobs of their own. */
    private static BucketGateway byPrefix(BucketGateway real, String bucket, int failing) {
        return paged(real, bucket, failing, new CopyOnWriteArrayList<>(), 1000, null, new CopyOnWriteArrayList<>());
    }

    /**
     * As above, the level's first page holding up to {@code levelPage} entries; with {@code together}, each listing
     * call counts it down and waits for it (at most ten seconds), recording in {@code overlapped} whether it opened.
     */
    private static BucketGateway paged(BucketGateway real, String bucket, int failing, List<String> asked, int levelPage,
                                       CountDownLatch together, List<Boolean> overlapped) {
        return (BucketGateway) Proxy.newProxyInstance(BucketListingPagesTest.class.getClassLoader(), new Class<?>[] {BucketGateway.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("listLevel") && bucket.equals(args[0])) {
                        asked.add("level");
                        BucketGateway.ListingPage level = real.listLevel(bucket, (String) args[1]);
                        int shown = Math.min(levelPage, level.objects().size());
                        return level.objects().size() + level.prefixes().size() <= levelPage ? level
                                : new BucketGateway.ListingPage(level.objects().subList(0, shown),
                                        level.prefixes().subList(0, levelPage - shown), Optional.of("more"));
                    }
                    boolean versions = method.getName().equals("listVersions");
                    if ((versions || method.getName().equals("listCurrent")) && bucket.equals(args[0])) {
                        @SuppressWarnings("unchecked")
                        int from = versions
                                ? ((Optional<BucketGateway.VersionCursor>) args[2]).map(c -> Integer.parseInt(c.keyMarker())).orElse(0)
                                : ((Optional<String>) args[3]).map(Integer::parseInt).orElse(0);
                        asked.add(String.valueOf(from));
                        boolean planning = ((String) args[1]).isEmpty() && ((Optional<?>) args[2]).isEmpty() && args.length > 3
                                && ((Optional<?>) args[3]).isEmpty() && !versions;
                        if (together != null && !planning) {
                            together.countDown();
                            overlapped.add(together.await(10, TimeUnit.SECONDS));
                        }
                        if (from / PAGE == failing) {
                            throw AwsServiceException.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder()
                                    .errorCode("AccessDenied").errorMessage("injected AccessDenied").build()).build();
                        }
                        @SuppressWarnings("unchecked")
                        List<ListedObject> all = versions ? real.listVersions(bucket, (String) args[1], Optional.empty()).objects()
                                : real.listCurrent(bucket, (String) args[1], (Optional<String>) args[2], Optional.empty()).objects();
                        int to = Math.min(all.size(), from + PAGE);
                        Optional<String> next = to < all.size() ? Optional.of(String.valueOf(to)) : Optional.empty();
                        return versions
                                ? new BucketGateway.VersionPage(all.subList(from, to), next.map(n -> new BucketGateway.VersionCursor(n, "")))
                                : new BucketGateway.ListingPage(all.subList(from, to), next);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
