package io.incidentconsole.importer;

import java.util.Locale;
import java.util.List;

/**
 * What the importer understood: every element it built with the source line it came from, every section it
 * did not use (and where its text went), and every choice it made where the document was ambiguous.
 */
public record ImportReport(String source, List<Element> recognised, List<UnusedSection> unused,
                           List<Decision> decisions, List<SectionReading> sections) {

    public ImportReport {
        recognised = List.copyOf(recognised);
        unused = List.copyOf(unused);
        decisions = List.copyOf(decisions);
        sections = List.copyOf(sections);
    }

    public ImportReport(String source, List<Element> recognised, List<UnusedSection> unused, List<Decision> decisions) {
        this(source, recognised, unused, decisions, List.of());
    }

    /** A section of the document (by its heading and line) and what it was read as; the operator may reassign it. */
    public record SectionReading(String heading, int line, SectionChoice readAs) {
    }

    /**
     * One element of the plan. {@code kind} is e.g. "phase", "task", "check", "metric"; {@code detail} says
     * more where it matters (a check's tick state, a metric's numbers).
     */
    public record Element(String kind, String id, String title, int line, String detail) {
    }

    /** A section whose text did not become plan elements; {@code keptAs} names the note that keeps it. */
    public record UnusedSection(String heading, int fromLine, int toLine, String keptAs) {
    }

    /** A choice the importer made, at the line that made it necessary (0 when it concerns the whole document). */
    public record Decision(int line, String message) {
    }

    /** Ids of the checklist items and tasks that were ticked ({@code - [x]}) in the document. */
    public List<String> tickedItems() {
        return recognised.stream().filter(e -> "ticked".equals(e.detail())).map(Element::id).toList();
    }

    public long count(String kind) {
        return recognised.stream().filter(e -> e.kind().equals(kind)).count();
    }

    /** The report as text, one line per entry, lines as {@code source:line: ...}. */
    public String render() {
        return render(Integer.MAX_VALUE, null);
    }

    /**
     * The report with at most {@code perList} entries of each list, then a line saying how many more there are and
     * {@code whereTheRest} (what to do to see them all), so a document of thousands of sections does not print
     * megabytes.
     */
    public String render(int perList, String whereTheRest) {
        StringBuilder out = new StringBuilder();
        out.append("Import report for ").append(source).append('\n');
        out.append("Recognised (").append(recognised.size()).append("):\n");
        for (Element e : recognised.subList(0, Math.min(perList, recognised.size()))) {
            out.append("  ").append(source).append(':').append(e.line()).append(": ").append(e.kind());
            if (e.id() != null) {
                out.append(' ').append(e.id());
            }
            if (e.title() != null && !e.title().equals(e.id())) {
                out.append(" \"").append(shorten(e.title())).append('"');
            }
            if (e.detail() != null) {
                out.append(" (").append(e.detail()).append(')');
            }
            out.append('\n');
        }
        more(out, recognised.size(), perList, whereTheRest);
        out.append("Not used as plan elements (").append(unused.size()).append("):\n");
        for (UnusedSection u : unused.subList(0, Math.min(perList, unused.size()))) {
            out.append("  ").append(source).append(':').append(u.fromLine()).append('-').append(u.toLine())
                    .append(": \"").append(shorten(u.heading())).append("\" ")
                    .append(u.keptAs() == null ? "dropped (no content)" : "kept as " + u.keptAs()).append('\n');
        }
        more(out, unused.size(), perList, whereTheRest);
        out.append("Decisions (").append(decisions.size()).append("):\n");
        for (Decision d : decisions.subList(0, Math.min(perList, decisions.size()))) {
            out.append("  ").append(source).append(':').append(d.line()).append(": ").append(d.message()).append('\n');
        }
        more(out, decisions.size(), perList, whereTheRest);
        return out.toString();
    }

    private static void more(StringBuilder out, int size, int shown, String whereTheRest) {
        if (size > shown) {
            out.append("  … and ").append(String.format(Locale.ROOT, "%,d", size - shown)).append(" more")
                    .append(whereTheRest == null ? "" : " (" + whereTheRest + ")").append('\n');
        }
    }

    private static String shorten(String s) {
        return s.length() > 90 ? s.substring(0, 87) + "..." : s;
    }
}
