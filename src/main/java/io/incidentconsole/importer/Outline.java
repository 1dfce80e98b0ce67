package io.incidentconsole.importer;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * The document as commonmark parsed it, cut into sections (one per heading, holding the blocks up to the
 * next heading) and, inside a section, into parts that start at a label paragraph such as
 * {@code **#330 Tasks:**}. Keeps 1-based source lines for the report.
 */
final class Outline {

    private static final List<Extension> EXTENSIONS =
            List.of(TablesExtension.create(), TaskListItemsExtension.create());

    /** The parsed text; its lines are read through {@link #lineStarts} and {@link #lineEnds}, not copied. */
    private final String text;
    private final int[] lineStarts;
    private final int[] lineEnds;
    /** Every section in document order; the first is the untitled level-0 section before any heading. */
    final List<Section> sections = new ArrayList<>();

    private Outline(String text) {
        this.text = text;
        // Offsets instead of a String per line: a 20 MB document kept a second copy of itself in line strings.
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                count++;
            }
        }
        lineStarts = new int[count];
        lineEnds = new int[count];
        int line = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lineEnds[line] = i;
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lineStarts[++line] = i + 1;
            }
        }
        lineEnds[line] = text.length();
    }

    /** How many lines the text has (as {@link #lines(String)} cuts it). */
    int lineCount() {
        return lineStarts.length;
    }

    /** The 1-based line's text, without its line break. */
    String line(int number) {
        return text.substring(lineStarts[number - 1], lineEnds[number - 1]);
    }

    static Outline parse(String text) {
        Parser parser = Parser.builder().extensions(EXTENSIONS).includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
        Node document = parser.parse(text);
        Outline outline = new Outline(text);
        Section root = new Section(0, "", 1, null);
        outline.sections.add(root);
        Section current = root;
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading heading) {
                Section parent = current;
                while (parent.level >= heading.getLevel()) {
                    parent = parent.parent;
                }
                current = new Section(heading.getLevel(), MdText.plain(heading), firstLine(heading), parent);
                parent.children.add(current);
                outline.sections.add(current);
                continue;
            }
            if (block instanceof ThematicBreak) {
                continue;
            }
            current.add(block);
        }
        int last = outline.lineCount();
        for (int i = outline.sections.size() - 1; i >= 0; i--) {
            Section s = outline.sections.get(i);
            s.endLine = Math.max(s.line, last);
            if (s.level > 0) {
                last = s.line - 1;
            }
        }
        return outline;
    }

    /** The text cut at \r\n, \r and \n, as {@code text.split("\r\n|\r|\n", -1)} but without a regex. */
    static String[] lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        return lines.toArray(new String[0]);
    }

    static int firstLine(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
    }

    static int lastLine(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(spans.size() - 1).getLineIndex() + 1;
    }

    /** The source text of a block, as written (used for notes, so nothing the importer skips is lost). */
    String source(Node node) {
        int from = firstLine(node);
        int to = lastLine(node);
        if (from <= 0) {
            return MdText.plain(node);
        }
        StringBuilder out = new StringBuilder();
        for (int i = from; i <= to && i <= lineCount(); i++) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(text, lineStarts[i - 1], lineEnds[i - 1]);
        }
        return out.toString();
    }

    /** One heading and what follows it up to the next heading. */
    static final class Section {
        final int level;
        final String title;
        final int line;
        int endLine;
        final Section parent;
        final List<Section> children = new ArrayList<>();
        final List<Part> parts = new ArrayList<>();

        Section(int level, String title, int line, Section parent) {
            this.level = level;
            this.title = title;
            this.line = line;
            this.parent = parent;
            parts.add(new Part(null, null, line));
        }

        void add(Node block) {
            if (block instanceof Paragraph paragraph) {
                String label = labelOf(paragraph);
                if (label != null) {
                    parts.add(new Part(label, paragraph, firstLine(paragraph)));
                    return;
                }
            }
            parts.get(parts.size() - 1).blocks.add(block);
        }

        /** This section and all below it, depth first. */
        List<Section> tree() {
            List<Section> all = new ArrayList<>();
            collect(this, all);
            return all;
        }

        private static void collect(Section s, List<Section> all) {
            all.add(s);
            s.children.forEach(c -> collect(c, all));
        }

        /** Titles from the top section down to this one. */
        List<String> titles() {
            List<String> chain = new ArrayList<>();
            for (Section s = this; s != null && s.level > 0; s = s.parent) {
                chain.add(0, s.title);
            }
            return chain;
        }

        @Override
        public String toString() {
            return "#".repeat(level) + " " + title + " (line " + line + ")";
        }
    }

    /** A labelled run of blocks inside a section; the first part of each section has no label. */
    static final class Part {
        final String label;
        final Paragraph labelNode;
        final int line;
        final List<Node> blocks = new ArrayList<>();

        Part(String label, Paragraph labelNode, int line) {
            this.label = label;
            this.labelNode = labelNode;
            this.line = line;
        }
    }

    /**
     * A paragraph that only names what follows: {@code **#330 Tasks:**}, {@code **Test Case 1: Login**},
     * {@code **`file.ts`** (3 functions):}, or a short plain line ending with a colon.
     */
    static String labelOf(Paragraph paragraph) {
        if (MdText.hasLineBreak(paragraph)) {
            return null;
        }
        String text = MdText.plain(paragraph).strip();
        if (text.isEmpty() || text.length() > 120) {
            return null;
        }
        Node first = paragraph.getFirstChild();
        if (first instanceof StrongEmphasis strong) {
            String bold = MdText.plain(strong).strip();
            String rest = text.substring(Math.min(text.length(), bold.length())).strip();
            boolean boldIsKey = bold.endsWith(":") && !rest.isEmpty();
            if (!boldIsKey && (rest.isEmpty() || rest.endsWith(":"))) {
                return stripColon(text);
            }
            return null;
        }
        if (text.endsWith(":") && text.length() <= 80 && !text.contains(". ")) {
            return stripColon(text);
        }
        return null;
    }

    static String stripColon(String text) {
        String t = text.strip();
        while (t.endsWith(":")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }
}
