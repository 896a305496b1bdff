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
    /** Pages 1, 2, 3 (a page is its number); each call recorded. */
    private static PagesAhead.Pager<Integer> threePages(List<Integer> asked) {
        return previous -> {
            int page = previous == null ? 1 : previous + 1;
            asked.add(page);
            return page > 3 ? Optional.empty() : Optional.of(page);
        };
    }

    @Test
    void pagesComeInOrderThenNoneEvenWhenAskedAgain() throws Exception {
        try (PagesAhead<Integer> pages = new PagesAhead<>(threePages(new CopyOnWriteArrayList<>()), "test")) {
            assertThat(List.of(pages.next(), pages.next(), pages.next(), pages.next(), pages.next()))
                    .containsExactly(Optional.of(1), Optional.of(2), Optional.of(3), Optional.empty(), Optional.empty());
        }
    }

    @Test
    void theNextPageIsFetchedWhileTheCallerHandlesThisOneAndNoFurther() throws Exception {
        CountDownLatch secondAsked = new CountDownLatch(1);
        List<Integer> asked = new CopyOnWriteArrayList<>();
        PagesAhead.Pager<Integer> pager = previous -> {
            Optional<Integer> page = threePages(asked).after(previous);
            if (previous != null && previous == 1) {
                secondAsked.countDown();
            }
            return page;
        };
        try (PagesAhead<Integer> pages = new PagesAhead<>(pager, "test")) {
            assertThat(pages.next()).contains(1);

            assertThat(secondAsked.await(10, TimeUnit.SECONDS)).as("page 2 fetched before it is asked for").isTrue();
            assertThat(asked).containsExactly(1, 2); // page 3 waits until page 2 is handed out
        }
    }

    @Test
    void aPageThatFailsEndsTheListingWithWhatThePagerThrew() throws Exception {
        IllegalStateException refused = new IllegalStateException("AccessDenied");
        try (PagesAhead<Integer> pages = new PagesAhead<>(previous -> {
            if (previous != null) {
                throw refused;
            }
            return Optional.of(1);
        }, "test")) {
            assertThat(pages.next()).contains(1);
            assertThatThrownBy(pages::next).isInstanceOf(PagesAhead.Failed.class).hasCause(refused);
            assertThat(pages.next()).isEmpty();
        }
    }

    @Test
    void closingStopsAFetchStillUnderWay() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        PagesAhead<Integer> pages = new PagesAhead<>(previous -> {
            fetching.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return Optional.empty();
        }, "test");
        assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();

        pages.close();

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
