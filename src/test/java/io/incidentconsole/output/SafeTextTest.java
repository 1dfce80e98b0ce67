package io.incidentconsole.output;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17, finding 7: one definition of what may not reach a terminal or a report raw. */
class SafeTextTest {

    @Test
    void controlAndBidiCharactersAreShownAsEscapesForATerminal() {
        assertThat(SafeText.forTerminal("a\u001b[2Jb\u0007c\rd\u0000e\u009bf\u202eg\u2066h\ti\nj"))
                .isEqualTo("a\\u001B[2Jb\\u0007c\\u000Dd\\u0000e\\u009Bf\\u202Eg\\u2066h\ti\nj");
        assertThat(SafeText.forTerminal("caf\u00e9 \ud83d\ude00")).isEqualTo("caf\u00e9 \ud83d\ude00");
        assertThat(SafeText.forTerminal("lone \ud800!")).isEqualTo("lone \\uD800!");
    }

    @Test
    void theyAreDroppedForHtml() {
        assertThat(SafeText.stripped("a\u001b[31mb\u202ec\rd\te\nf")).isEqualTo("a[31mbcd\te\nf");
    }

    @Test
    void theTerminalWriterEscapesAcrossWritesAndKeepsSurrogatePairsSplitBetweenThem() {
        StringWriter sink = new StringWriter();
        PrintWriter terminal = SafeText.terminal(new PrintWriter(sink));

        terminal.print("x\u001b");
        terminal.print('\ud83d');
        terminal.print('\ude00');
        terminal.print('\ud800');
        terminal.println("y");
        terminal.close();

        assertThat(sink.toString()).isEqualTo("x\\u001B\ud83d\ude00\\uD800y" + System.lineSeparator());
    }

    @Property(tries = 300)
    void noTerminalOutputHoldsAnUnsafeCharacter(@ForAll String text) {
        String shown = SafeText.forTerminal(text);

        assertThat(shown.chars()).noneMatch(SafeText::isUnsafe);
        assertThat(SafeText.stripped(text).chars()).noneMatch(SafeText::isUnsafe);
        if (text.chars().noneMatch(c -> SafeText.isUnsafe(c) || Character.isSurrogate((char) c))) {
            assertThat(shown).isEqualTo(text);
        }
    }
}
