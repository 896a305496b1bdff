package dev.migrator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PagesAheadTest {
    /** Pages 1, 2, 3 (a page is its number, and the cursor of the page after it); each fetch recorded. */
    private static PagesAhead.Fetch<Integer, Integer> threePages(List<Integer> asked) {
        return cursor -> {
            int page = cursor.orElse(1);
            asked.add(page);
            return page;
        };
    }

    private static Optional<Integer> after(int page) {
        return page < 3 ? Optional.of(page + 1) : Optional.empty();
    }

    @Test
    void pagesComeInOrderThenNoneEvenWhenAskedAgain() throws Exception {
        try (PagesAhead<Integer, Integer> pages = new PagesAhead<>(threePages(new CopyOnWriteArrayList<>()), PagesAheadTest::after, "test")) {
            assertThat(List.of(pages.next(), pages.next(), pages.next(), pages.next(), pages.next()))
                    .containsExactly(Optional.of(1), Optional.of(2), Optional.of(3), Optional.empty(), Optional.empty());
        }
    }

    @Test
    void theNextPageIsFetchedWhileTheCallerHandlesThisOneAndNoFurther() throws Exception {
        CountDownLatch secondAsked = new CountDownLatch(1);
        List<Integer> asked = new CopyOnWriteArrayList<>();
        PagesAhead.Fetch<Integer, Integer> fetch = cursor -> {
            int page = threePages(asked).at(cursor);
            if (page == 2) {
                secondAsked.countDown();
            }
            return page;
        };
        try (PagesAhead<Integer, Integer> pages = new PagesAhead<>(fetch, PagesAheadTest::after, "test")) {
            assertThat(pages.next()).contains(1);

            assertThat(secondAsked.await(10, TimeUnit.SECONDS)).as("page 2 fetched before it is asked for").isTrue();
            assertThat(asked).containsExactly(1, 2); // page 3 waits until page 2 is handed out
        }
    }

    @Test
    void aPageThatFailsEndsTheListingWithWhatThePagerThrew() throws Exception {
        IllegalStateException refused = new IllegalStateException("AccessDenied");
        try (PagesAhead<Integer, Integer> pages = new PagesAhead<>(cursor -> {
            if (cursor.isPresent()) {
                throw refused;
            }
            return 1;
        }, page -> Optional.of(page + 1), "test")) {
            assertThat(pages.next()).contains(1);
            assertThatThrownBy(pages::next).isInstanceOf(PagesAhead.Failed.class).hasCause(refused);
            assertThat(pages.next()).isEmpty();
        }
    }

    @Test
    void closingStopsAFetchStillUnderWay() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        PagesAhead<Integer, Integer> pages = new PagesAhead<>(cursor -> {
            fetching.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return 1;
        }, PagesAheadTest::after, "test");
        assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();

        pages.close();

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
