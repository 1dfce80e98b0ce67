package io.incidentconsole.importer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.incidentconsole.plan.Plan;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Reports nested list items that no recogniser carried into the plan. Most recognisers read only the outer
 * item of a list; an item indented under it would otherwise vanish without a word in the report.
 * An item counts as carried when its text, or its source line without the list marker, is one of the plan's
 * texts or one line of them (notes keep the Markdown as written), so the check stays linear in the document.
 */
final class NestedItems {

    private static final int MAX_REPORTED = 50;
    private static final ObjectMapper PLAN_JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private NestedItems() {
    }

    static void reportDropped(Outline outline, Plan plan, ReportLog log) {
        Set<String> carried = carriedTexts(plan);
        int[] dropped = {0};
        for (Outline.Section section : outline.sections) {
            for (Outline.Part part : section.parts) {
                for (Node block : part.blocks) {
                    visit(block, null, outline, carried, log, dropped);
                }
            }
        }
        if (dropped[0] > MAX_REPORTED) {
            log.decided(outline.lineCount(), (dropped[0] - MAX_REPORTED) + " more nested list items are not in the plan"
                    + " (only the first " + MAX_REPORTED + " are listed)");
        }
    }

    private static void visit(Node node, MdText.Item parent, Outline outline, Set<String> carried, ReportLog log,
                              int[] dropped) {
        if (!(node instanceof ListBlock list)) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                visit(child, parent, outline, carried, log, dropped);
            }
            return;
        }
        for (MdText.Item item : MdText.items(list)) {
            if (parent != null && !item.text().isBlank() && !isCarried(item, outline, carried)) {
                dropped[0]++;
                if (dropped[0] <= MAX_REPORTED) {
                    log.decided(item.line(), "nested list item '" + item.text() + "' under '" + parent.text()
                            + "' is not in the plan (only the outer item was read); add it by hand if it matters");
                }
            }
            for (Node child = item.node().getFirstChild(); child != null; child = child.getNext()) {
                visit(child, item, outline, carried, log, dropped);
            }
        }
    }

    private static boolean isCarried(MdText.Item item, Outline outline, Set<String> carried) {
        if (carried.contains(item.text())) {
            return true;
        }
        int line = item.line();
        return line > 0 && line <= outline.lineCount() && carried.contains(withoutMarker(outline.line(line)));
    }

    /**
     * Every text of the plan (each string its serialised form holds), whole and line by line. The plan is
     * serialised to nowhere and its strings are taken as they pass: a tree of the whole plan was as big as the plan,
     * alive beside the document's parse tree.
     */
    static Set<String> carriedTexts(Plan plan) {
        Set<String> carried = new HashSet<>();
        try (JsonGenerator texts = new TextCollector(PLAN_JSON.getFactory().createGenerator(OutputStream.nullOutputStream()),
                carried)) {
            PLAN_JSON.writeValue(texts, plan);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return carried;
    }

    private static void addText(String text, Set<String> into) {
        into.add(text.strip());
        for (String line : Outline.lines(text)) {
            into.add(line.strip());
            into.add(withoutMarker(line));
        }
    }

    /** Passes everything on to a generator that writes nowhere, and keeps the strings. */
    private static final class TextCollector extends JsonGeneratorDelegate {
        private final Set<String> into;

        TextCollector(JsonGenerator nowhere, Set<String> into) {
            super(nowhere, false);
            this.into = into;
        }

        @Override
        public void writeString(String text) throws IOException {
            if (text != null) {
                addText(text, into);
            }
            super.writeString(text);
        }

        @Override
        public void writeString(char[] text, int offset, int len) throws IOException {
            addText(new String(text, offset, len), into);
            super.writeString(text, offset, len);
        }

        @Override
        public void writeString(SerializableString text) throws IOException {
            addText(text.getValue(), into);
            super.writeString(text);
        }
    }

    /** A line without its indentation, list marker ("-", "*", "+", "1.", "1)") and tick box. */
    static String withoutMarker(String line) {
        String s = line.strip();
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '*' || s.charAt(0) == '+')) {
            i = 1;
        } else {
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            i = i > 0 && i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == ')') ? i + 1 : 0;
        }
        s = s.substring(i).strip();
        if (s.length() >= 3 && s.charAt(0) == '[' && s.charAt(2) == ']') {
            s = s.substring(3).strip();
        }
        return s;
    }
}
