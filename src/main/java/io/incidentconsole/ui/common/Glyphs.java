package io.incidentconsole.ui.common;

import java.util.Map;

/**
 * Plans mark status with colour emoji (❌ ✅ ⚠️ 🔥). JavaFX cannot draw colour emoji fonts on Linux: it shows an
 * empty gap or a missing-glyph box. The common ones become the text symbol with the same meaning that the UI font
 * (DejaVu Sans, a dependency of the package) has; any other pictograph becomes ◇ so the reader sees that something
 * was there. Display only: the plan and the journal keep the original characters.
 */
public final class Glyphs {

    private static final Map<Integer, String> SYMBOLS = Map.ofEntries(
            Map.entry(0x274C, "✗"),   // ❌ cross mark
            Map.entry(0x274E, "✗"),   // ❎
            Map.entry(0x2716, "✗"),   // ✖
            Map.entry(0x2705, "✓"),   // ✅ check mark button
            Map.entry(0x2714, "✓"),   // ✔
            Map.entry(0x2611, "✓"),   // ☑
            Map.entry(0x26A0, "⚠"),   // ⚠️ warning (DejaVu draws the text form)
            Map.entry(0x1F525, "‼"),  // 🔥 urgent
            Map.entry(0x1F6A8, "‼"),  // 🚨 alarm
            Map.entry(0x2757, "!"),   // ❗
            Map.entry(0x2753, "?"),   // ❓
            Map.entry(0x1F527, "⚙"),  // 🔧 work in progress
            Map.entry(0x1F6E0, "⚙"),  // 🛠
            Map.entry(0x1F504, "⟳"),  // 🔄 repeat / update
            Map.entry(0x1F3AF, "◎"),  // 🎯 target
            Map.entry(0x1F534, "●"),  // 🔴
            Map.entry(0x1F7E2, "●"),  // 🟢
            Map.entry(0x1F7E1, "●"),  // 🟡
            Map.entry(0x2B50, "★"),   // ⭐
            Map.entry(0x1F4CC, "•"),  // 📌
            Map.entry(0x27A1, "→"));  // ➡️

    private Glyphs() {
    }

    /** The text with every emoji replaced by a symbol the UI font draws; variation selectors and joiners dropped. */
    public static String displayable(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            String replacement = replacement(cp);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : text.substring(i, i + width));
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    private static String replacement(int cp) {
        String symbol = SYMBOLS.get(cp);
        if (symbol != null) {
            return symbol;
        }
        if (cp == 0xFE0F || cp == 0xFE0E || cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF)) {
            return "";   // emoji presentation selectors, joiners and skin tones: nothing to draw
        }
        boolean pictograph = (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x1F000 && cp <= 0x1F2FF);
        return pictograph ? "◇" : null;
    }
}
