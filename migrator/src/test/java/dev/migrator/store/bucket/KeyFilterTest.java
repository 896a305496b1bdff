package dev.migrator.store.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyFilterTest {

    @Test
    void nothingIncludedListsTheWholeBucket() {
        assertThat(new KeyFilter(List.of(), List.of()).listingPrefixes()).containsExactly("");
    }

    @Test
    void nestedAndRepeatedPrefixesAreListedOnce() {
        assertThat(new KeyFilter(List.of("assets/x/", "assets/", "logs/", "assets/"), List.of()).listingPrefixes())
                .containsExactly("assets/", "logs/");
    }

    @Test
    void excludedPrefixesAreNotCopied() {
        KeyFilter filter = new KeyFilter(List.of(), List.of("tmp/", "assets/cache/"));
        assertThat(filter.accepts("assets/a.glb")).isTrue();
        assertThat(filter.accepts("assets/cache/a.glb")).isFalse();
        assertThat(filter.accepts("tmp/")).isFalse();
    }
}
