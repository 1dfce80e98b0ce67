package io.incidentconsole.importer;

import io.incidentconsole.importer.Outline.Section;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** What each section of the document was read as, for the operator to reassign. */
final class SectionReadings {

    private SectionReadings() {
    }

    /** A runbook or test-suite element of the report: its line, and its place in the report's order. */
    private record Marker(int line, int order, SectionChoice choice) {
    }

    static List<ImportReport.SectionReading> of(ReadContext ctx) {
        return of(ctx.outline.sections, ctx.titleSection, ctx::isIgnored, s -> ctx.phases.inPhase(s) != null,
                ctx.log.recognised);
    }

    /**
     * Each section below the title: ignored, a phase, else what the first runbook or test element of the report
     * (in the order recognised) within the section's own lines made it, else notes.
     */
    static List<ImportReport.SectionReading> of(List<Section> sections, Section titleSection, Predicate<Section> ignored,
                                                Predicate<Section> inPhase, List<ImportReport.Element> recognised) {
        List<Marker> markers = markers(recognised);
        List<ImportReport.SectionReading> readings = new ArrayList<>();
        // Sections come in document order and their line ranges do not overlap, so one walk over the markers
        // (sorted by line) serves them all; scanning every element for every section was quadratic.
        int next = 0;
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (s.level == 0 || s == titleSection && !s.children.isEmpty()) {
                continue;
            }
            int end = i + 1 < sections.size() ? sections.get(i + 1).line - 1 : s.endLine;
            while (next < markers.size() && markers.get(next).line() < s.line) {
                next++;
            }
            Marker first = null;
            for (int m = next; m < markers.size() && markers.get(m).line() <= end; m++) {
                if (first == null || markers.get(m).order() < first.order()) {
                    first = markers.get(m);
                }
            }
            SectionChoice kind = ignored.test(s) ? SectionChoice.IGNORE : inPhase.test(s) ? SectionChoice.PHASE
                    : first == null ? SectionChoice.NOTES : first.choice();
            readings.add(new ImportReport.SectionReading(s.title, s.line, kind));
        }
        return readings;
    }

    private static List<Marker> markers(List<ImportReport.Element> recognised) {
        List<Marker> markers = new ArrayList<>();
        for (int i = 0; i < recognised.size(); i++) {
            ImportReport.Element e = recognised.get(i);
            switch (e.kind()) {
                case "rollback procedure", "runbook" -> markers.add(new Marker(e.line(), i, SectionChoice.RUNBOOK));
                case "test suite", "test case" -> markers.add(new Marker(e.line(), i, SectionChoice.TEST_SUITE));
                default -> {
                }
            }
        }
        markers.sort(Comparator.comparingInt(Marker::line));
        return markers;
    }
}
