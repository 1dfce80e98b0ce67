package io.incidentconsole.importer;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

import java.util.ArrayList;
import java.util.List;

/** Plain text out of commonmark nodes: inline text, "**Key:** value" fields, list items, table cells. */
final class MdText {

    private MdText() {
    }

    /** A "**Key:** value" line. */
    record Field(String key, String value, int line) {
    }

    /** A list item: its own text, its tick box if it has one, and what is nested under it. */
    record Item(String text, Boolean ticked, int line, List<String> details, ListItem node) {
    }

    record Table(List<String> header, List<List<String>> rows, List<Integer> rowLines, TableBlock node) {
    }

    /** Inline content as text; code spans keep their backticks, emphasis and links lose their markup. */
    static String plain(Node node) {
        Node first = node.getFirstChild();
        if (first instanceof Text text && first.getNext() == null) {
            // Most paragraphs and items are one run of text: no builder, and no copy when it needs no collapsing.
            return collapse(text.getLiteral());
        }
        StringBuilder out = new StringBuilder();
        append(node, out);
        return collapse(out.toString());
    }

    private static void append(Node node, StringBuilder out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            appendOne(child, out);
        }
    }

    private static void appendOne(Node child, StringBuilder out) {
        if (child instanceof Text text) {
            out.append(text.getLiteral());
        } else if (child instanceof Code code) {
            out.append('`').append(code.getLiteral()).append('`');
        } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
            out.append(' ');
        } else if (child instanceof HtmlInline html) {
            out.append(html.getLiteral());
        } else if (child instanceof Link link) {
            int before = out.length();
            append(link, out);
            String destination = link.getDestination();
            if (destination != null && !destination.isBlank() && !out.substring(before).contains(destination)) {
                out.append(" (").append(destination).append(')');
            }
        } else if (child instanceof Image image) {
            append(image, out);
        } else if (child instanceof TaskListItemMarker || child instanceof FencedCodeBlock
                || child instanceof IndentedCodeBlock || child instanceof ListBlock) {
            return;
        } else {
            append(child, out);
            if (child instanceof Paragraph && child.getNext() != null) {
                out.append(' ');
            }
        }
    }

    static String collapse(String s) {
        if (isCollapsed(s)) {
            return s;
        }
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

    /** Whether {@link #collapse} would change nothing: single spaces between words, none at either end. */
    private static boolean isCollapsed(String s) {
        boolean afterSpace = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                if (c != ' ' || afterSpace) {
                    return false;
                }
                afterSpace = true;
            } else {
                afterSpace = false;
            }
        }
        return !afterSpace || s.isEmpty();
    }

    static boolean hasLineBreak(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                return true;
            }
        }
        return false;
    }

    /** The lines of a paragraph, each as plain text, with their source line. */
    static List<Field> lines(Paragraph paragraph) {
        List<Field> lines = new ArrayList<>();
        int line = Outline.firstLine(paragraph);
        StringBuilder current = new StringBuilder();
        List<Node> lineNodes = new ArrayList<>();
        for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                lines.add(new Field(keyOf(lineNodes), collapse(current.toString()), line));
                current.setLength(0);
                lineNodes.clear();
                line = line > 0 ? line + 1 : 0;
                continue;
            }
            lineNodes.add(child);
            appendOne(child, current);
        }
        if (!lineNodes.isEmpty()) {
            lines.add(new Field(keyOf(lineNodes), collapse(current.toString()), line));
        }
        return lines;
    }

    /** Lines of the paragraph written as "**Key:** value" (or "**Key**: value"). */
    static List<Field> fields(Paragraph paragraph) {
        List<Field> fields = new ArrayList<>();
        for (Field line : lines(paragraph)) {
            if (line.key() != null) {
                String key = Outline.stripColon(line.key());
                String text = line.value();
                String rest = text.length() > line.key().length() ? text.substring(line.key().length()).strip() : "";
                if (rest.startsWith(":")) {
                    rest = rest.substring(1).strip();
                }
                if (!key.isEmpty() && !rest.isEmpty()) {
                    fields.add(new Field(key, rest, line.line()));
                }
            }
        }
        return fields;
    }

    /** True when every line of the paragraph is a field. */
    static boolean isFieldParagraph(Paragraph paragraph) {
        List<Field> lines = lines(paragraph);
        return !lines.isEmpty() && fields(paragraph).size() == lines.size();
    }

    private static String keyOf(List<Node> lineNodes) {
        if (lineNodes.isEmpty() || !(lineNodes.get(0) instanceof StrongEmphasis strong)) {
            return null;
        }
        String bold = plain(strong);
        if (bold.endsWith(":")) {
            return bold;
        }
        if (lineNodes.size() > 1 && lineNodes.get(1) instanceof Text t && t.getLiteral().startsWith(":")) {
            return bold;
        }
        return null;
    }

    static List<Item> items(ListBlock list) {
        List<Item> items = new ArrayList<>();
        for (Node child = list.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof ListItem item) {
                items.add(item(item));
            }
        }
        return items;
    }

    private static Item item(ListItem item) {
        Boolean ticked = null;
        String text = "";
        List<String> details = new ArrayList<>();
        boolean first = true;
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof TaskListItemMarker marker) {
                ticked = marker.isChecked();
            } else if (child instanceof Paragraph p) {
                if (p.getFirstChild() instanceof TaskListItemMarker marker) {
                    ticked = marker.isChecked();
                }
                if (first) {
                    text = plain(p);
                    first = false;
                    String lead = boldLead(p);
                    if (lead != null) {
                        String rest = text.substring(Math.min(text.length(), lead.length())).strip();
                        if (rest.startsWith("(") && rest.endsWith(")")) {
                            // "**Run the audit** (verify ...)": the bold part is the task, the aside its detail
                            text = lead;
                            details.add(rest.substring(1, rest.length() - 1).strip());
                        }
                    }
                } else {
                    details.add(plain(p));
                }
            } else if (child instanceof ListBlock nested) {
                for (Item sub : items(nested)) {
                    details.add(sub.text());
                    details.addAll(sub.details());
                }
            } else if (child instanceof FencedCodeBlock code) {
                details.addAll(codeLines(code.getLiteral()));
            } else if (child instanceof IndentedCodeBlock code) {
                details.addAll(codeLines(code.getLiteral()));
            } else {
                String other = plain(child);
                if (!other.isEmpty()) {
                    if (first) {
                        text = other;
                        first = false;
                    } else {
                        details.add(other);
                    }
                }
            }
        }
        details.removeIf(String::isBlank);
        String t = text.strip();
        while (t.endsWith(":")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return new Item(t.isEmpty() ? text.strip() : t, ticked, Outline.firstLine(item), details, item);
    }

    private static String boldLead(Paragraph p) {
        Node first = p.getFirstChild();
        if (first instanceof TaskListItemMarker) {
            first = first.getNext();
        }
        return first instanceof StrongEmphasis strong ? plain(strong) : null;
    }

    private static List<String> codeLines(String literal) {
        List<String> lines = new ArrayList<>();
        for (String line : literal.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    static Table table(TableBlock block) {
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        for (Node section = block.getFirstChild(); section != null; section = section.getNext()) {
            boolean head = section instanceof TableHead;
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        cells.add(plain(cell));
                    }
                }
                if (head) {
                    header.addAll(cells);
                } else {
                    rows.add(cells);
                    int line = Outline.firstLine(row);
                    rowLines.add(line > 0 ? line : Outline.firstLine(block) + 2 + rows.size() - 1);
                }
            }
        }
        return new Table(header, rows, rowLines, block);
    }
}
