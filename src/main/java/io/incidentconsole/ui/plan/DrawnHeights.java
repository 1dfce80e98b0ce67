package io.incidentconsole.ui.plan;

import io.incidentconsole.plan.outline.Block;
import io.incidentconsole.plan.outline.OutlineSection;

import java.util.List;

/**
 * About how tall the overview draws a section's title and each block, in pixels, before any node exists: so the
 * document can put in what fills the screen and no more, whatever the window and the plan (issue #22, goal 1: a fixed
 * count of blocks fitted the bundled plan at the default window only; a plan opening with code blocks put a text area
 * each, the dearest control, below the screen into the first frame). Calibrated against outline.css and the 14px body font (PlanDocumentViewTest checks it against the laid-out plan);
 * where it errs, it errs short, so the first frame is never left half empty.
 */
final class DrawnHeights {

    /** A line of the 14px body text. */
    static final double LINE = 17;
    /** A section title's line (19px bold). */
    private static final double TITLE_LINE = 23;
    /** A heading's line (15px bold) and its padding above. */
    private static final double HEADING_LINE = 18;
    private static final double HEADING_PAD = 6;
    /** A line of a code block (13px mono). */
    private static final double CODE_LINE = 15;
    /** A code block's own padding and the text area's frame. */
    private static final double CODE_FRAME = 26;
    /** The narrowest average advance of the body font's characters: shorter estimates, never longer ones. */
    private static final double CHAR = 7.0;
    private static final double TITLE_CHAR = 9.5;
    /** Outline.css: a section's padding (14 + 16) and border, the spacing between its children, the body's spacing. */
    private static final double SECTION_FRAME = 32;
    private static final double SECTION_SPACING = 8;
    static final double BODY_SPACING = 16;
    /** A table cell's padding (6 + 6, 10 + 10) and border; a fact row's gap; a list item's gap. */
    private static final double CELL_PAD_Y = 13;
    private static final double CELL_PAD_X = 20;
    private static final double FACT_GAP = 4;
    private static final double ITEM_GAP = 3;
    /** The space a section's blocks lose to the body's and the section's padding and borders. */
    private static final double HORIZONTAL_FRAME = 86;

    private final double textWidth;

    /** For a document whose scroll viewport is {@code viewportWidth} wide. */
    DrawnHeights(double viewportWidth) {
        this.textWidth = Math.max(120, viewportWidth - HORIZONTAL_FRAME);
    }

    /** The section's frame and title, with the spacing before the next section. */
    double section(OutlineSection section) {
        return BODY_SPACING + SECTION_FRAME + lines(section.title(), textWidth, TITLE_CHAR) * TITLE_LINE;
    }

    /** The block, with the spacing before it in its section. */
    double block(Block block) {
        return SECTION_SPACING + drawn(block);
    }

    private double drawn(Block block) {
        if (block instanceof Block.Heading heading) {
            return heading(heading.text());
        }
        if (block instanceof Block.Paragraph paragraph) {
            return text(paragraph.text());
        }
        if (block instanceof Block.Facts facts) {
            return facts(facts);
        }
        if (block instanceof Block.Bullets bullets) {
            return items(bullets.items());
        }
        if (block instanceof Block.Numbered numbered) {
            return items(numbered.items());
        }
        if (block instanceof Block.Checklist checklist) {
            return items(checklist.items());
        }
        if (block instanceof Block.Table table) {
            return table(table);
        }
        if (block instanceof Block.Code code) {
            return code(code.text());
        }
        if (block instanceof Block.Markdown markdown) {
            return markdown(markdown.text());
        }
        throw new IllegalStateException("unhandled block " + block);
    }

    private double heading(String text) {
        return HEADING_PAD + lines(text, textWidth, CHAR) * HEADING_LINE;
    }

    private double text(String text) {
        return lines(text, textWidth, CHAR) * LINE;
    }

    private double items(List<String> items) {
        double height = 0;
        for (String item : items) {
            height += lines(item, textWidth, CHAR) * LINE + ITEM_GAP;
        }
        return height;
    }

    private double facts(Block.Facts facts) {
        int longestLabel = 0;
        for (Block.Fact fact : facts.facts()) {
            longestLabel = Math.max(longestLabel, fact.label().length());
        }
        double valueWidth = Math.max(60, textWidth - longestLabel * CHAR - 12);
        double height = 0;
        for (Block.Fact fact : facts.facts()) {
            height += lines(fact.value(), valueWidth, CHAR) * LINE + FACT_GAP;
        }
        return height;
    }

    /** Columns share the width by their longest text, as the grid's growing columns roughly do. */
    private double table(Block.Table table) {
        int columns = table.headers().size();
        double[] longest = new double[columns];
        double total = 0;
        for (int c = 0; c < columns; c++) {
            longest[c] = Math.max(1, table.headers().get(c).length());
            for (List<String> row : table.rows()) {
                if (c < row.size()) {
                    longest[c] = Math.max(longest[c], row.get(c).length());
                }
            }
            total += longest[c];
        }
        double height = row(table.headers(), longest, total);
        for (List<String> row : table.rows()) {
            height += row(row, longest, total);
        }
        return height + 1;
    }

    private double row(List<String> cells, double[] longest, double total) {
        int most = 1;
        for (int c = 0; c < Math.min(cells.size(), longest.length); c++) {
            double width = Math.max(OutlineRenderer.MIN_TEXT_COLUMN, textWidth * longest[c] / total) - CELL_PAD_X;
            most = Math.max(most, lines(cells.get(c), width, CHAR));
        }
        return most * LINE + CELL_PAD_Y;
    }

    private static double code(String text) {
        return OutlineRenderer.codeRows(text) * CODE_LINE + CODE_FRAME;
    }

    /** The pieces the renderer makes of it (prose, subheadings, code blocks), each a node with spacing before it. */
    private double markdown(String text) {
        double height = 0;
        for (OutlineRenderer.MarkdownPiece piece : OutlineRenderer.markdownPieces(text)) {
            height += (height > 0 ? SECTION_SPACING : 0) + switch (piece.kind()) {
                case CODE -> code(piece.text());
                case HEADING -> heading(piece.text());
                case PROSE -> text(piece.text());
            };
        }
        return height;
    }

    /** Lines the text takes at {@code width}: each of its own lines, wrapped, at least one. */
    static int lines(String text, double width, double charWidth) {
        int perLine = Math.max(1, (int) (width / charWidth));
        int lines = 0;
        int start = 0;
        int length = text.length();
        while (start <= length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            lines += Math.max(1, (end - start + perLine - 1) / perLine);
            start = end + 1;
        }
        return lines;
    }
}
