package io.incidentconsole.ui.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Markdown inline code and plan emoji, as the views show them. */
class InlineTextTest {

    @Test
    void splitsProseAndCodeOnBacktickPairs() {
        assertThat(InlineText.spans("Fix `getMembersForAllOrganizations` N+1")).containsExactly(
                new InlineText.Span("Fix ", false),
                new InlineText.Span("getMembersForAllOrganizations", true),
                new InlineText.Span(" N+1", false));
        assertThat(InlineText.spans("`a`b`c`")).containsExactly(new InlineText.Span("a", true),
                new InlineText.Span("b", false), new InlineText.Span("c", true));
    }

    @Test
    void anUnpairedBacktickStaysAsWritten() {
        assertThat(InlineText.spans("it`s fine")).containsExactly(new InlineText.Span("it`s fine", false));
        assertThat(InlineText.hasCode("it`s fine")).isFalse();
        assertThat(InlineText.plain("No `as any` warnings")).isEqualTo("No as any warnings");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            // ❌ Unnecessary fallback  | // ✗ Unnecessary fallback
            primary key ✅ CORRECT      | primary key ✓ CORRECT
            ⚠️ EMERGENCY                | ⚠ EMERGENCY
            🔥 hot                      | ‼ hot
            🔄 HIGH PRIORITY            | ⟳ HIGH PRIORITY
            🦄 unknown                  | ◇ unknown
            plain text → stays          | plain text → stays
            """)
    void emojiBecomeSymbolsTheUiFontDraws(String plan, String shown) {
        assertThat(Glyphs.displayable(plan)).isEqualTo(shown);
    }
}
