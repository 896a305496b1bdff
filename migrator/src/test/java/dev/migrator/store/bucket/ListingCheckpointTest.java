package dev.migrator.store.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.support.Checkpoints;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each listing job's mark: advanced over its own finished objects, kept across a resume, absent for an old checkpoint. */
class ListingCheckpointTest {

    @Test
    void eachJobsMarkAdvancesOverItsOwnContiguousFinishedObjects(@TempDir Path dir) {
        Checkpoints store = new Checkpoints(dir);
        ListingCheckpoint first = new ListingCheckpoint(store, "bucket-b", false);
        first.listed("prefix:a/", "a/1");
        long a2 = first.listed("prefix:a/", "a/2");
        long b1 = first.listed("prefix:b/", "b/1");
        first.listed("prefix:c/", "c/1");
        first.done("prefix:a/", a2); // a/1 still out: a's mark stays
        first.done("prefix:b/", b1);
        first.finish(false);

        ListingCheckpoint resumed = new ListingCheckpoint(store, "bucket-b", true);
        assertThat(resumed.resumeAfter("prefix:a/")).isEmpty();
        assertThat(resumed.resumeAfter("prefix:b/")).contains("b/1");
        assertThat(resumed.resumeAfter("prefix:c/")).isEmpty();

        resumed.done("prefix:a/", resumed.listed("prefix:a/", "a/1"));
        resumed.finish(false);
        ListingCheckpoint again = new ListingCheckpoint(store, "bucket-b", true);
        assertThat(again.resumeAfter("prefix:a/")).contains("a/1");
        assertThat(again.resumeAfter("prefix:b/")).as("carried over though nothing of b was listed again").contains("b/1");
        assertThat(new ListingCheckpoint(store, "bucket-b", false).resumeAfter("prefix:b/")).as("not resuming").isEmpty();
    }

    @Test
    void aCheckpointOfTheSequentialListingResumesEveryJobFromItsStart(@TempDir Path dir) throws Exception {
        Checkpoints store = new Checkpoints(dir);
        store.write("bucket-b", new ObjectMapper().readTree("{\"complete\": false, \"lastKey\": \"assets/00400.bin\"}"));

        assertThat(new ListingCheckpoint(store, "bucket-b", true).resumeAfter("whole:assets/")).isEmpty();
    }
}
