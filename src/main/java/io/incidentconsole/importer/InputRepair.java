package io.incidentconsole.importer;

import java.util.Arrays;

/**
 * Makes the raw text safe and readable before parsing, without moving any line: repairs UTF-8 that was
 * decoded as Mac Roman (the seed's "‚Üí" is "→", "üü°" is "🟡"), and replaces characters a plan file
 * cannot carry (NUL and other control characters, unpaired surrogates) by U+FFFD.
 */
final class InputRepair {

    /** Mac Roman bytes 0x80..0xFF as Unicode; kept here because jlinked runtimes may lack x-MacRoman. */
    private static final String MAC_ROMAN_HIGH =
            "\u00C4\u00C5\u00C7\u00C9\u00D1\u00D6\u00DC\u00E1\u00E0\u00E2\u00E4\u00E3\u00E5\u00E7\u00E9\u00E8"
            + "\u00EA\u00EB\u00ED\u00EC\u00EE\u00EF\u00F1\u00F3\u00F2\u00F4\u00F6\u00F5\u00FA\u00F9\u00FB\u00FC"
            + "\u2020\u00B0\u00A2\u00A3\u00A7\u2022\u00B6\u00DF\u00AE\u00A9\u2122\u00B4\u00A8\u2260\u00C6\u00D8"
            + "\u221E\u00B1\u2264\u2265\u00A5\u00B5\u2202\u2211\u220F\u03C0\u222B\u00AA\u00BA\u03A9\u00E6\u00F8"
            + "\u00BF\u00A1\u00AC\u221A\u0192\u2248\u2206\u00AB\u00BB\u2026\u00A0\u00C0\u00C3\u00D5\u0152\u0153"
            + "\u2013\u2014\u201C\u201D\u2018\u2019\u00F7\u25CA\u00FF\u0178\u2044\u20AC\u2039\u203A\uFB01\uFB02"
            + "\u2021\u00B7\u201A\u201E\u2030\u00C2\u00CA\u00C1\u00CB\u00C8\u00CD\u00CE\u00CF\u00CC\u00D3\u00D4"
            + "\uF8FF\u00D2\u00DA\u00DB\u00D9\u0131\u02C6\u02DC\u00AF\u02D8\u02D9\u02DA\u00B8\u02DD\u02DB\u02C7";

    private static final int[] BYTE_OF = new int[0x10000];

    static {
        Arrays.fill(BYTE_OF, -1);
        for (int i = 0; i < MAC_ROMAN_HIGH.length(); i++) {
            BYTE_OF[MAC_ROMAN_HIGH.charAt(i)] = 0x80 + i;
        }
    }

    record Repaired(String text, int mojibakeSequences, int replacedCharacters) {
    }

    private InputRepair() {
    }

    static Repaired repair(String raw) {
        String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        StringBuilder out = new StringBuilder(text.length());
        int mojibake = 0;
        int replaced = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0x7f) {
                    out.append('\uFFFD');
                    replaced++;
                } else {
                    out.append(c);
                }
                i++;
                continue;
            }
            int consumed = decodeMojibake(text, i, out);
            if (consumed > 0) {
                mojibake++;
                i += consumed;
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(i + 1));
                i += 2;
            } else if (Character.isSurrogate(c) || c >= 0x80 && c < 0xA0 || c == '\uFFFE' || c == '\uFFFF') {
                out.append('\uFFFD');
                replaced++;
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        // Unchanged text is returned as it is: no second copy of a big document stays alive beside the first.
        return new Repaired(mojibake == 0 && replaced == 0 && text == raw ? raw : out.toString(), mojibake, replaced);
    }

    /**
     * If the characters at {@code start} are the Mac Roman reading of one UTF-8 sequence, appends the
     * character it encodes and returns how many characters it replaced; otherwise returns 0.
     */
    private static int decodeMojibake(String text, int start, StringBuilder out) {
        int lead = BYTE_OF[text.charAt(start)];
        int length;
        int codePoint;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            codePoint = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            codePoint = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            codePoint = lead & 0x07;
        } else {
            return 0;
        }
        if (start + length > text.length()) {
            return 0;
        }
        for (int k = 1; k < length; k++) {
            int b = BYTE_OF[text.charAt(start + k)];
            if (b < 0x80 || b > 0xBF) {
                return 0;
            }
            codePoint = codePoint << 6 | b & 0x3F;
        }
        boolean overlong = length == 3 && codePoint < 0x800 || length == 4 && codePoint < 0x10000;
        if (overlong || codePoint > 0x10FFFF || codePoint >= 0xD800 && codePoint <= 0xDFFF
                || codePoint < 0xA0) {
            return 0;
        }
        out.appendCodePoint(codePoint);
        return length;
    }
}
