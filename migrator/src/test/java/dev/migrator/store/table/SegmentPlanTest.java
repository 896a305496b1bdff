package dev.migrator.store.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How many Scan segments a table copy gets, and that a resumed copy keeps the count it started with. */
class SegmentPlanTest {

    @Test
    void oneSegmentPerScannerAtLeastAndOnePer256MibBeyond() throws Exception {
        assertThat(SegmentPlan.segments(1_300_000, 128, Optional.empty())).as("a small table, adaptive ceiling 128").isEqualTo(16);
        assertThat(SegmentPlan.segments(1_300_000, 3, Optional.empty())).isEqualTo(3);
        assertThat(SegmentPlan.segments(0, 128, Optional.empty())).as("an estimate of zero still reads in parallel").isEqualTo(16);
        assertThat(SegmentPlan.segments(1L << 40, 128, Optional.empty())).as("1 TiB").isEqualTo(4096);
        assertThat(SegmentPlan.segments(1L << 40, 128, Optional.of(7))).isEqualTo(7);
    }

    @Test
    void aResumedCopyKeepsTheSegmentsItsCheckpointsWereWrittenFor() throws Exception {
        var checkpoint = new ObjectMapper().readTree("{\"totalSegments\": 128, \"segments\": {}}");
        assertThat(SegmentPlan.resumed(16, Optional.of(checkpoint))).isEqualTo(128);
        assertThat(SegmentPlan.resumed(16, Optional.empty())).isEqualTo(16);
        assertThat(SegmentPlan.resumed(16, Optional.of(new ObjectMapper().readTree("{}")))).isEqualTo(16);
    }
}
