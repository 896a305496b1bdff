package dev.migrator.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttributePathTest {

    @Test
    void parsesNestedNamesIndexesAndWildcards() {
        AttributePath path = AttributePath.parse("a.b[0].c[*].d");
        assertThat(path.segments()).containsExactly(new AttributePath.Name("a"), new AttributePath.Name("b"),
                new AttributePath.Index(0), new AttributePath.Name("c"), new AttributePath.AllElements(),
                new AttributePath.Name("d"));
        assertThat(path.hasWildcard()).isTrue();
    }

    @Test
    void namesMayHoldColonsAndHashes() {
        assertThat(AttributePath.parse("assetVersionId:commentId").topLevelName()).isEqualTo("assetVersionId:commentId");
        assertThat(AttributePath.parse("constraint#id").isTopLevelName()).isTrue();
    }

    @Test
    void backticksQuoteNamesWithDots() {
        assertThat(AttributePath.parse("`a.b`.c").segments())
                .containsExactly(new AttributePath.Name("a.b"), new AttributePath.Name("c"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a..b|a name is missing before '.'", "a.|a name is missing after '.'", "[0]|a path starts with a name",
        "a[x]|a list index is a number or *", "a[0|'[' is never closed", "`ab|a backtick name is never closed",
        "a[0]b|expected '.' or '[' here", ".a|a name is missing before '.'"})
    void rejectsMalformedPaths(String text, String why) {
        assertThatThrownBy(() -> AttributePath.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(why);
    }
}
