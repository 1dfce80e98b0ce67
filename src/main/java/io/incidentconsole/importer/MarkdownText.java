package io.incidentconsole.importer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A Markdown file's text: UTF-8, or read as ISO-8859-1 when it is not valid UTF-8 (said in the report). */
public record MarkdownText(String text, boolean readAsLatin1) {

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
}
