package io.incidentconsole.output;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Characters that plan and journal text must never deliver raw to a terminal or a report: they can rewrite what
 * the operator sees (ESC sequences, CR, BEL, NUL, the C1 controls that some terminals treat as ESC) or reorder
 * it (the bidirectional overrides of "Trojan Source"). Tab and newline are ordinary text.
 * <p>
 * One definition, three uses: {@link #forTerminal} (every CLI line), {@link #stripped} (HTML reports), and the
 * parameter rules that refuse such characters in command values.
 */
public final class SafeText {

    private SafeText() {
    }

    /**
     * Whether a character is one of those: a C0 control other than tab and newline, DEL, a C1 control, a
     * bidirectional formatting character (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), or a line/paragraph
     * separator (U+2028, U+2029).
     */
    public static boolean isUnsafe(int c) {
        if (c == '\t' || c == '\n') {
            return false;
        }
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x061c || c == 0x200e || c == 0x200f
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
    }

    /** The text with each unsafe character (and each unpaired surrogate) shown as {@code \}{@code uXXXX}. */
    public static String forTerminal(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean escape = !paired && (isUnsafe(c) || Character.isSurrogate(c));
            if (escape && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (escape) {
                    out.append(String.format("\\u%04X", (int) c));
                } else {
                    out.append(c);
                }
            }
            if (paired) {
                if (out != null) {
                    out.append(text.charAt(i + 1));
                }
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    /** The text without its unsafe characters and unpaired surrogates (for HTML, where they have no business). */
    public static String stripped(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (!isUnsafe(c) && !Character.isSurrogate(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A writer for a terminal: everything printed through it is escaped as by {@link #forTerminal}. The CLI
     * wraps its standard output and error in it, so no command (today's or a new one) can print raw control
     * characters from a plan or a journal.
     */
    public static PrintWriter terminal(PrintWriter target) {
        return new PrintWriter(new EscapingWriter(target), true);
    }

    private static final class EscapingWriter extends Writer {

        private final PrintWriter target;
        private char pendingHigh;

        EscapingWriter(PrintWriter target) {
            this.target = target;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            StringBuilder out = new StringBuilder(length + 8);
            for (int i = offset; i < offset + length; i++) {
                char c = buffer[i];
                if (pendingHigh != 0) {
                    char high = pendingHigh;
                    pendingHigh = 0;
                    if (Character.isLowSurrogate(c)) {
                        out.append(high).append(c);
                        continue;
                    }
                    out.append(String.format("\\u%04X", (int) high));
                }
                if (Character.isHighSurrogate(c)) {
                    pendingHigh = c;
                } else if (isUnsafe(c) || Character.isSurrogate(c)) {
                    out.append(String.format("\\u%04X", (int) c));
                } else {
                    out.append(c);
                }
            }
            target.write(out.toString());
        }

        @Override
        public void flush() {
            target.flush();
        }

        @Override
        public void close() {
            if (pendingHigh != 0) {
                target.write(String.format("\\u%04X", (int) pendingHigh));
                pendingHigh = 0;
            }
            target.flush();
        }
    }
}
