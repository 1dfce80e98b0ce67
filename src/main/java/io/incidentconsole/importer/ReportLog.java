package io.incidentconsole.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the report while the importer works. */
final class ReportLog {

    final List<ImportReport.Element> recognised = new ArrayList<>();
    final List<ImportReport.UnusedSection> unused = new ArrayList<>();
    final List<ImportReport.Decision> decisions = new ArrayList<>();
    private List<ImportReport.SectionReading> sections = List.of();

    void sections(List<ImportReport.SectionReading> readings) {
        sections = List.copyOf(readings);
    }

    void recognised(String kind, String id, String title, int line, String detail) {
        recognised.add(new ImportReport.Element(kind, id, title, line, detail));
    }

    void decided(int line, String message) {
        decisions.add(new ImportReport.Decision(line, message));
    }

    void unused(String heading, int from, int to, String keptAs) {
        unused.add(new ImportReport.UnusedSection(heading, from, to, keptAs));
    }

    ImportReport build(String source) {
        recognised.sort(Comparator.comparingInt(ImportReport.Element::line));
        decisions.sort(Comparator.comparingInt(ImportReport.Decision::line));
        unused.sort(Comparator.comparingInt(ImportReport.UnusedSection::fromLine));
        return new ImportReport(source, recognised, unused, decisions, sections);
    }

    private static final int LISTED = 12;

    /** The items as a list, the first dozen of a long one and how many more (the report stays linear in the plan). */
    static String listed(List<?> items) {
        return items.size() <= LISTED ? items.toString()
                : items.subList(0, LISTED).toString().replaceFirst("]$", ", … and " + (items.size() - LISTED) + " more]");
    }
}
