package dev.migrator.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormatTemplateTest {

    @Test
    void splitsLiteralsAndPlaceholders() {
        FormatTemplate t = FormatTemplate.parse("{prefix}{assetId}/");
        assertThat(t.parts()).containsExactly(new FormatTemplate.Placeholder("prefix"),
                new FormatTemplate.Placeholder("assetId"), new FormatTemplate.Literal("/"));
    }

    @Test
    void doubledBracesAreLiteral() {
        assertThat(FormatTemplate.parse("{{x}} {id}").parts())
                .containsExactly(new FormatTemplate.Literal("{x} "), new FormatTemplate.Placeholder("id"));
    }

    @Test
    void rejectsUnbalancedAndConstantTemplates() {
        assertThatThrownBy(() -> FormatTemplate.parse("{a")).hasMessageContaining("never closed");
        assertThatThrownBy(() -> FormatTemplate.parse("{a{b}")).hasMessageContaining("never closed");
        assertThatThrownBy(() -> FormatTemplate.parse("a}")).hasMessageContaining("has no '{'");
        assertThatThrownBy(() -> FormatTemplate.parse("plain")).hasMessageContaining("no {placeholder}");
    }
}
