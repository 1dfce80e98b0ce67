package io.incidentconsole.importer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A Markdown file's text: UTF-8, or read as ISO-8859-1 when it is not valid UTF-8 (said in the report). */
public record MarkdownText(String text, boolean readAsLatin1) {

    /** Bytes that are no text document in any encoding; the message is the same in the CLI and the console. */
    public static final class NotTextException extends Exception {
        private static final long serialVersionUID = 1L;

        NotTextException(String reason) {
            super("not a text document: " + reason + "; is it a binary file?");
        }
    }

    /** The document's text, or refused with one clear line when the bytes are binary (see {@link #notTextReason}). */
    public static MarkdownText decodeDocument(byte[] bytes) throws NotTextException {
        Optional<String> binary = notTextReason(bytes);
        if (binary.isPresent()) {
            throw new NotTextException(binary.get());
        }
        return decode(bytes);
    }

    public static MarkdownText decode(byte[] bytes) {
        try {
            return new MarkdownText(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString(), false);
        } catch (CharacterCodingException e) {
            return new MarkdownText(new String(bytes, StandardCharsets.ISO_8859_1), true);
        }
    }

    /**
     * Why the bytes are not a text document, if they are not: a NUL byte, or more than one byte in a hundred a
     * control character other than tab, newline and carriage return (text in any encoding has next to none).
     */
    public static Optional<String> notTextReason(byte[] bytes) {
        int controls = 0;
        int first = -1;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return Optional.of("it holds a NUL byte at offset " + i);
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7F) {
                controls++;
                first = first < 0 ? i : first;
            }
        }
        return controls * 100L > bytes.length
                ? Optional.of("it holds " + controls + " control bytes, the first at offset " + first) : Optional.empty();
    }
}
