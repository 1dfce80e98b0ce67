package io.incidentconsole.importer;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * collapse and plain skip their copies when there is nothing to change (the importer calls them for every
 * paragraph and item of a big document); what they return is what the copying version returned.
 */
class MdTextCollapseTest {

    /** The copying version, as it was: every run of whitespace (and no-break space) is one space, none at the ends. */
    private static String collapsedByCopy(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    @Property(tries = 2000)
    void collapseIsTheCopyingVersion(@ForAll("spaced") String s) {
        assertThat(MdText.collapse(s)).isEqualTo(collapsedByCopy(s));
    }

    @Property(tries = 500)
    void plainTextOfAParagraphIsItsCollapsedText(@ForAll("spaced") String s) {
        Node document = Parser.builder().build().parse("x" + s.replace('\n', ' ').replace('\r', ' '));
        Node paragraph = document.getFirstChild();
        if (paragraph != null && paragraph.getFirstChild() instanceof Text text
                && text.getNext() == null) {
            assertThat(MdText.plain(paragraph)).isEqualTo(collapsedByCopy(text.getLiteral()));
        }
    }

    @Test
    void alreadyCollapsedTextIsReturnedAsIs() {
        String words = "deploy the index, then verify";
        assertThat(MdText.collapse(words)).isSameAs(words);
        assertThat(MdText.collapse(" deploy  the\u00A0index ")).isEqualTo("deploy the index");
        assertThat(MdText.collapse("\t")).isEmpty();
    }

    @Provide
    Arbitrary<String> spaced() {
        return Arbitraries.strings().withChars("ab. \t\n\r\u00A0\u2003\u001F\u202F").ofMaxLength(16);
    }
}
