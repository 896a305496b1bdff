package dev.migrator.store.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How a listing splits into jobs several listers read at once, and which keys each job holds. */
class ListingPlanTest {

    @Test
    void aLevelOfMoreThanOnePageStaysOneSequentialListing() throws Exception {
        List<String> asked = new ArrayList<>();

        List<ListingJob> jobs = ListingPlan.of("", levels(asked, Map.of("", page(List.of("a", "b"), List.of("c/"), true))));

        assertThat(jobs).containsExactly(ListingJob.whole(""));
        assertThat(asked).containsExactly("");
    }

    @Test
    void aLevelOfOnePrefixAloneIsGoneThroughAndItsObjectsAndSubPrefixesBecomeJobs() throws Exception {
        List<String> asked = new ArrayList<>();
        BucketGateway.ListingPage assets = page(List.of("assets/readme"), List.of("assets/1/", "assets/2/"), false);

        List<ListingJob> jobs = ListingPlan.of("", levels(asked, Map.of("", page(List.of(), List.of("assets/"), false), "assets/", assets)));

        assertThat(jobs).containsExactly(ListingJob.level("assets/", assets.objects()), ListingJob.under("assets/1/"),
                ListingJob.under("assets/2/"));
        assertThat(asked).containsExactly("", "assets/");
        assertThat(jobs).extracting(ListingJob::id).containsExactly("level:assets/", "prefix:assets/1/", "prefix:assets/2/");
    }

    @Test
    void goingDownStopsAtTheDepthLimit() throws Exception {
        List<String> asked = new ArrayList<>();
        Map<String, BucketGateway.ListingPage> chain = Map.of("", page(List.of(), List.of("a/"), false),
                "a/", page(List.of(), List.of("a/b/"), false), "a/b/", page(List.of(), List.of("a/b/c/"), false),
                "a/b/c/", page(List.of(), List.of("a/b/c/d/"), false), "a/b/c/d/", page(List.of(), List.of("a/b/c/d/e/"), false));

        assertThat(ListingPlan.of("", levels(asked, chain))).containsExactly(ListingJob.under("a/b/c/d/e/"));
        assertThat(asked).hasSize(ListingPlan.MAX_DEPTH + 1);
    }

    @Test
    void aListingOfOnePageIsThatPageAlreadyReadAndAnEmptyOneHasNoJobs() throws Exception {
        List<String> asked = new ArrayList<>();
        BucketGateway.ListingPage all = page(List.of("a/1", "b/1", "c"), List.of(), false);

        assertThat(ListingPlan.of("", onePage(asked, all))).containsExactly(ListingJob.whole("", all.objects()));
        assertThat(ListingPlan.of("", onePage(asked, page(List.of(), List.of(), false)))).isEmpty();
        assertThat(asked).as("no level read").isEmpty();
        assertThat(ListingJob.whole("", all.objects()).id()).isEqualTo(ListingJob.whole("").id());
        assertThat(ListingJob.whole("", all.objects()).preListed()).isTrue();
        assertThat(ListingJob.whole("").preListed()).isFalse();
    }

    @Test
    void manySubPrefixesBecomeContiguousRunsThatCoverEachOnce() {
        List<String> prefixes = IntStream.range(0, 150).mapToObj(i -> String.format("p/%03d/", i)).toList();

        List<ListingJob> runs = ListingPlan.split("p/", prefixes);

        assertThat(runs).hasSize(ListingPlan.MAX_JOBS).allMatch(r -> r.kind() == ListingJob.Kind.RANGE && r.prefix().equals("p/"));
        assertThat(runs.get(0).from()).contains("p/000/");
        assertThat(runs.get(runs.size() - 1).until()).isEmpty();
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i - 1).until()).isEqualTo(runs.get(i).from());
        }
        for (String prefix : prefixes) {
            assertThat(runs.stream().filter(r -> r.holds(prefix + "x") && !r.past(prefix + "x"))).as(prefix).hasSize(1);
        }
    }

    @Test
    void aRunHoldsTheKeysUnderItsPrefixesInS3sOrderAndNotItsParentsOwnObjects() {
        ListingJob run = ListingJob.range("p/", "p/b/", Optional.of("p/d/"));

        assertThat(run.startAfter(Optional.empty())).contains("p/b");
        assertThat(run.startAfter(Optional.of("p/b/7"))).contains("p/b/7");
        assertThat(run.holds("p/b/1")).isTrue();
        assertThat(run.holds("p/c/x/y")).isTrue();
        assertThat(run.holds("p/b-1/z")).as("sorts after 'p/b' and before 'p/b/': the run before's").isFalse();
        assertThat(run.holds("p/c.txt")).as("the parent's own object, listed with the level").isFalse();
        ListingJob beyondTheBmp = ListingJob.range("p/", "p/\uFF01/", Optional.of("p/\uD83D\uDE00/"));
        assertThat(beyondTheBmp.holds("p/\uFF01/x") && !beyondTheBmp.past("p/\uFF01/x"))
                .as("U+FF01 sorts before U+1F600 in UTF-8, after it in Java's String order").isTrue();
        assertThat(run.past("p/d/")).isTrue();
        assertThat(run.describe()).isEqualTo("under 'p/' from 'p/b/'");
        assertThat(ListingJob.whole("").describe()).isEqualTo("under ''");
    }

    private static ListingPlan.Pages onePage(List<String> asked, BucketGateway.ListingPage page) {
        return new ListingPlan.Pages() {
            @Override
            public BucketGateway.ListingPage first(String prefix) {
                return page;
            }

            @Override
            public BucketGateway.ListingPage level(String prefix) {
                asked.add(prefix);
                return page;
            }
        };
    }

    private static BucketGateway.ListingPage page(List<String> keys, List<String> prefixes, boolean more) {
        return new BucketGateway.ListingPage(keys.stream().map(k -> ListedObject.current(k, 1, "e")).toList(), prefixes,
                more ? Optional.of("next") : Optional.empty());
    }

    /** A listing of more than one page under any prefix, and these levels; {@code asked} records the levels read. */
    private static ListingPlan.Pages levels(List<String> asked, Map<String, BucketGateway.ListingPage> levels) {
        return new ListingPlan.Pages() {
            @Override
            public BucketGateway.ListingPage first(String prefix) {
                return page(List.of("x"), List.of(), true);
            }

            @Override
            public BucketGateway.ListingPage level(String prefix) {
                asked.add(prefix);
                return levels.get(prefix);
            }
        };
    }
}
