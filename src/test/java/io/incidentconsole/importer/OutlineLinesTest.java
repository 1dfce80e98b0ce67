package io.incidentconsole.importer;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outline reads its lines through offsets into the parsed text (no String per line is kept): for any text,
 * with any mix of \n, \r\n and lone \r, the lines it gives are those {@link Outline#lines(String)} cuts.
 */
class OutlineLinesTest {

    @Property(tries = 500)
    void theOutlinesLinesAreTheTextCutAtEveryLineBreak(@ForAll("texts") String text) {
        Outline outline = Outline.parse(text);
        String[] expected = Outline.lines(text);
        List<String> actual = new ArrayList<>();
        for (int n = 1; n <= outline.lineCount(); n++) {
            actual.add(outline.line(n));
        }
        assertThat(actual).containsExactly(expected);
    }

    @Test
    void aBlocksSourceIsItsLinesAsWritten() {
        Outline outline = Outline.parse("# Title\r\n\r\nfirst line\rsecond line\n\n- item\n");
        Outline.Part part = outline.sections.get(1).parts.get(0);
        assertThat(outline.source(part.blocks.get(0))).isEqualTo("first line\nsecond line");
        assertThat(outline.source(part.blocks.get(1))).isEqualTo("- item");
        assertThat(outline.lineCount()).isEqualTo(7);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of("\n", "\r\n", "\r", "\r\r", "\n\r", "# H", "- [x] a",
                "", " ", "text"), Arbitraries.strings().withChars("ab #-\r\n\t*|").ofMaxLength(12));
        return piece.list().ofMaxSize(30).map(parts -> String.join("", parts));
    }
}
