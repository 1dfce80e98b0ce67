package io.incidentconsole.ui.plan;

import io.incidentconsole.ui.common.Glyphs;
import io.incidentconsole.ui.common.InlineText;
import io.incidentconsole.ui.common.StatusBadge;

import io.incidentconsole.plan.outline.Block;
import io.incidentconsole.plan.outline.OutlineSection;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/** Turns readable plan sections into nodes. Stateless; the text comes from the domain's PlanOutline. */
public final class OutlineRenderer {

    private OutlineRenderer() {
    }

    /** The section with its title only; its blocks go in with {@link #render(Block)}. */
    static VBox section(OutlineSection section) {
        VBox box = new VBox();
        box.getStyleClass().add("outline-section");
        box.setId("section-" + section.id().replace(':', '-'));
        Label title = new Label(Glyphs.displayable(section.title()));
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        box.getChildren().add(title);
        return box;
    }

    static List<Node> render(Block block) {
        if (block instanceof Block.Heading heading) {
            return List.of(text(heading.text(), "block-heading"));
        }
        if (block instanceof Block.Paragraph paragraph) {
            return List.of(text(paragraph.text(), "block-text"));
        }
        if (block instanceof Block.Facts facts) {
            return facts.facts().isEmpty() ? List.of() : List.of(facts(facts));
        }
        if (block instanceof Block.Bullets bullets) {
            return List.of(list(bullets.items(), i -> "•  "));
        }
        if (block instanceof Block.Numbered numbered) {
            return List.of(list(numbered.items(), i -> (i + 1) + ".  "));
        }
        if (block instanceof Block.Checklist checklist) {
            VBox items = list(checklist.items(), i -> "☐  ");
            items.getChildren().forEach(n -> n.getStyleClass().add("checklist-item"));
            return List.of(items);
        }
        if (block instanceof Block.Table table) {
            return List.of(table(table));
        }
        if (block instanceof Block.Code code) {
            return List.of(code(code.text()));
        }
        if (block instanceof Block.Markdown markdown) {
            return markdown(markdown.text());
        }
        throw new IllegalStateException("unhandled block " + block);
    }

    /** Wrapped plan text; inline code shown as code, emoji as symbols the font draws. */
    private static Region text(String text, String style) {
        return InlineText.of(text, style);
    }

    private static GridPane facts(Block.Facts facts) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), grown());
        int row = 0;
        for (Block.Fact fact : facts.facts()) {
            Node value = StatusBadge.isStatus(fact.value()) ? StatusBadge.of(fact.value()) : text(fact.value(), "fact-value");
            grid.addRow(row++, text(fact.label(), "fact-label"), value);
        }
        return grid;
    }

    private static ColumnConstraints grown() {
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grow.setFillWidth(true);
        return grow;
    }

    private interface Marker {
        String of(int index);
    }

    private static VBox list(List<String> items, Marker marker) {
        VBox box = new VBox(3);
        for (int i = 0; i < items.size(); i++) {
            box.getChildren().add(text(marker.of(i) + items.get(i), "block-text"));
        }
        return box;
    }

    public static GridPane table(Block.Table table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("outline-table");
        for (int c = 0; c < table.headers().size(); c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setHgrow(c == table.headers().size() - 1 || c == 0 ? Priority.ALWAYS : Priority.SOMETIMES);
            column.setFillWidth(true);
            if (c == table.statusColumn() || longestText(table, c) <= SHORT_CELL) {
                // Short columns (ids, statuses) must never be squeezed into one letter per line.
                column.setMinWidth(Region.USE_PREF_SIZE);
            } else {
                // Nor long ones: next to a column of long notes they were (a phase name, a start time one letter
                // a line); their text wraps between words instead.
                column.setMinWidth(MIN_TEXT_COLUMN);
            }
            grid.getColumnConstraints().add(column);
            grid.add(cell(table.headers().get(c), "table-header-label"), c, 0);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                Node cell = c == table.statusColumn() ? badgeCell(row.get(c)) : cell(row.get(c), "table-cell-label");
                grid.add(cell, c, r + 1);
            }
        }
        return grid;
    }

    private static final int SHORT_CELL = 16;
    /** The narrowest a column of longer text gets: a few words a line ("2026-12-07 15:45", "2: Package"). */
    static final double MIN_TEXT_COLUMN = 120;

    private static int longestText(Block.Table table, int column) {
        int longest = table.headers().get(column).length();
        for (List<String> row : table.rows()) {
            longest = Math.max(longest, column < row.size() ? row.get(column).length() : 0);
        }
        return longest;
    }

    private static Region cell(String text, String style) {
        Region label = text(text, style);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMaxHeight(Double.MAX_VALUE);
        GridPane.setFillHeight(label, true);
        return label;
    }

    private static Node badgeCell(String status) {
        VBox holder = new VBox(StatusBadge.of(status));
        holder.getStyleClass().add("table-cell-label");
        holder.setMaxHeight(Double.MAX_VALUE);
        holder.setFillWidth(false);
        return holder;
    }

    /** Read-only but selectable, so an operator can copy a command. */
    public static TextArea code(String text) {
        TextArea area = new TextArea(Glyphs.displayable(text));
        area.setEditable(false);
        area.setWrapText(false);
        area.getStyleClass().add("code-block");
        area.setPrefRowCount(codeRows(text));
        area.setMinHeight(Region.USE_PREF_SIZE);
        return area;
    }

    /**
     * The rows a code block shows: its lines and one spare (the text area's own padding would otherwise hide the last
     * line behind a scroll bar), at most 30; a longer one scrolls.
     */
    static int codeRows(String text) {
        return (int) Math.max(1, Math.min(text.lines().count() + 1, 30));
    }

    /** A piece of a Markdown block as the overview shows it: wrapped prose, a subheading, or a code block. */
    record MarkdownPiece(Kind kind, String text) {
        enum Kind { PROSE, HEADING, CODE }
    }

    /** Prose with fenced code blocks shown as code; the rest as wrapped text. */
    private static List<Node> markdown(String text) {
        List<Node> nodes = new ArrayList<>();
        for (MarkdownPiece piece : markdownPieces(text)) {
            nodes.add(switch (piece.kind()) {
                case CODE -> code(piece.text());
                case HEADING -> text(piece.text(), "block-heading");
                case PROSE -> text(piece.text(), "block-text");
            });
        }
        return nodes;
    }

    /** The pieces {@link #markdown} draws, in order (DrawnHeights estimates from the same pieces). */
    static List<MarkdownPiece> markdownPieces(String text) {
        List<MarkdownPiece> pieces = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        StringBuilder code = null;
        for (String line : text.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                if (code == null) {
                    flush(prose, pieces);
                    code = new StringBuilder();
                } else {
                    pieces.add(new MarkdownPiece(MarkdownPiece.Kind.CODE, code.toString().stripTrailing()));
                    code = null;
                }
                continue;
            }
            if (code != null) {
                code.append(line).append('\n');
            } else if (isBoldLine(line)) {
                flush(prose, pieces);
                pieces.add(new MarkdownPiece(MarkdownPiece.Kind.HEADING, line.strip().replace("**", "")));
            } else {
                prose.append(line.replace("**", "")).append('\n');
            }
        }
        if (code != null) {
            pieces.add(new MarkdownPiece(MarkdownPiece.Kind.CODE, code.toString().stripTrailing()));
        }
        flush(prose, pieces);
        return pieces;
    }

    /** A line that is only bold text ("**Files Affected:**") reads as a subheading. */
    private static boolean isBoldLine(String line) {
        String t = line.strip();
        return t.length() > 4 && t.startsWith("**") && (t.endsWith("**") || t.endsWith("**:"))
                && t.indexOf("**", 2) >= t.length() - 3;
    }

    private static void flush(StringBuilder prose, List<MarkdownPiece> pieces) {
        String text = prose.toString().strip();
        if (!text.isEmpty()) {
            pieces.add(new MarkdownPiece(MarkdownPiece.Kind.PROSE, text));
        }
        prose.setLength(0);
    }
}
