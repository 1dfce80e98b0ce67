package io.incidentconsole.importer;

import io.incidentconsole.importer.Outline.Part;
import io.incidentconsole.importer.Outline.Section;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Plain-text runbooks have no Markdown headings below their title: a short plain or bold line followed by a
 * list ("Database", then numbered steps) heads a section, and so does "Step 2. Contain" followed by a list or
 * a shell block. Such lines are made headings one level below the document's deepest heading, on the same
 * source line, before the outline is read. Documents with headings of their own are left as written.
 */
final class PlainHeadings {

    private static final Pattern STEP = Pattern.compile("(?i)^step\\s+\\d+\\b.*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’()/&-]*");

    private PlainHeadings() {
    }

    /** The text with plain heading lines made headings, or the text itself when the document has real sections. */
    static String promote(Outline outline, String text, ReportLog log) {
        int headings = 0;
        int deepest = 0;
        for (Section s : outline.sections) {
            if (s.level > 0) {
                headings++;
                deepest = Math.max(deepest, s.level);
            }
        }
        if (headings > 1) {
            return text;
        }
        String prefix = "#".repeat(Math.min(6, deepest + 1)) + " ";
        List<Integer> lines = new ArrayList<>();
        for (Section section : outline.sections) {
            for (Part part : section.parts) {
                List<Node> blocks = new ArrayList<>();
                if (part.labelNode != null) {
                    blocks.add(part.labelNode);
                }
                blocks.addAll(part.blocks);
                for (int i = 0; i + 1 < blocks.size(); i++) {
                    if (blocks.get(i) instanceof Paragraph p && isHeading(p, blocks.get(i + 1))) {
                        lines.add(Outline.firstLine(p));
                    }
                }
            }
        }
        if (lines.isEmpty()) {
            return text;
        }
        String[] source = Outline.lines(text);
        StringBuilder out = new StringBuilder(text.length() + lines.size() * prefix.length());
        for (int i = 0; i < source.length; i++) {
            if (lines.contains(i + 1)) {
                String line = source[i].strip();
                out.append(prefix).append(line.startsWith("**") && line.endsWith("**") && line.length() > 4
                        ? line.substring(2, line.length() - 2) : line);
                log.recognised("section heading", null, line, i + 1, "a plain line followed by "
                        + "a list or steps, read as a heading");
            } else {
                out.append(source[i]);
            }
            if (i + 1 < source.length) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static boolean isHeading(Paragraph p, Node next) {
        if (MdText.hasLineBreak(p) || Outline.firstLine(p) != Outline.lastLine(p)) {
            return false;
        }
        String text = Outline.stripColon(MdText.plain(p).strip());
        if (STEP.matcher(text).matches() && text.length() <= 100 && !text.endsWith(".")) {
            return true;
        }
        if (text.isEmpty() || text.length() > 60 || text.endsWith(".") || text.startsWith("[") || text.contains("|")) {
            return false;
        }
        boolean plainOrBold = p.getFirstChild() == p.getLastChild()
                && (p.getFirstChild() instanceof StrongEmphasis || p.getFirstChild() instanceof Text);
        if (!plainOrBold) {
            return false;
        }
        int words = (int) WORD.matcher(text).results().count();
        boolean code = next instanceof FencedCodeBlock || next instanceof IndentedCodeBlock;
        if (STEP.matcher(text).matches()) {
            return next instanceof ListBlock || code;
        }
        return next instanceof ListBlock && words <= 8 || code && words <= 3;
    }
}
