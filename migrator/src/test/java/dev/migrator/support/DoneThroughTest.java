package dev.migrator.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The newest unit before which every unit is finished, whatever order they finish in. */
class DoneThroughTest {

    @Test
    void advancesOnlyOverTheContiguousRunOfFinishedUnits() {
        DoneThrough<String> pages = new DoneThrough<>();
        long a = pages.handedOut("a");
        long b = pages.handedOut("b");
        long c = pages.handedOut("c");
        assertThat(pages.finished(b)).as("a is still out").isEmpty();
        assertThat(pages.finished(c)).isEmpty();
        assertThat(pages.finished(a)).contains("c");
        long d = pages.handedOut("d");
        assertThat(pages.finished(d)).isEqualTo(Optional.of("d"));
    }
}
