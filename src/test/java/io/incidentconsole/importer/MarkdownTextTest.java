package io.incidentconsole.importer;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one check, used by the {@code import} command and the console's File → Import, that a document is text. */
class MarkdownTextTest {

    @Test
    void aNulByteIsRefusedNamingItsOffset() {
        assertThatThrownBy(() -> MarkdownText.decodeDocument(new byte[] {'a', 'b', 0, 'c'}))
                .isInstanceOf(MarkdownText.NotTextException.class)
                .hasMessage("not a text document: it holds a NUL byte at offset 2; is it a binary file?");
    }

    @Test
    void moreThanOneControlByteInAHundredIsRefused() {
        byte[] bytes = "# plan\n".repeat(20).getBytes(StandardCharsets.US_ASCII);
        bytes[10] = 0x01;
        bytes[50] = 0x1B;
        assertThat(MarkdownText.notTextReason(bytes)).contains("it holds 2 control bytes, the first at offset 10");
        bytes[50] = '\t';
        assertThat(MarkdownText.notTextReason(bytes)).as("one in 140 is a stray byte in a text").isEmpty();
    }

    @Test
    void textInUtf8OrLatin1WithTabsAndCarriageReturnsIsAccepted() throws Exception {
        assertThat(MarkdownText.decodeDocument("# Plan\r\n\t- café → ok\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new MarkdownText("# Plan\r\n\t- café → ok\n", false));
        assertThat(MarkdownText.decodeDocument("# Café\n".getBytes(StandardCharsets.ISO_8859_1)).readAsLatin1())
                .isTrue();
    }
}
