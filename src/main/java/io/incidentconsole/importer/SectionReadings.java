package io.incidentconsole.importer;

import io.incidentconsole.importer.Outline.Section;

import java.util.ArrayList;
import java.util.List;

/** What each section of the document was read as, for the operator to reassign. */
final class SectionReadings {

    private SectionReadings() {
    }

    static List<ImportReport.SectionReading> of(ReadContext ctx) {
        List<Section> sections = ctx.outline.sections;
        List<ImportReport.SectionReading> readings = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (s.level == 0 || s == ctx.titleSection && !s.children.isEmpty()) {
                continue;
            }
            int end = i + 1 < sections.size() ? sections.get(i + 1).line - 1 : s.endLine;
            readings.add(new ImportReport.SectionReading(s.title, s.line, kind(ctx, s, end)));
        }
        return readings;
    }

    private static SectionChoice kind(ReadContext ctx, Section s, int end) {
        if (ctx.isIgnored(s)) {
            return SectionChoice.IGNORE;
        }
        if (ctx.phases.inPhase(s) != null) {
            return SectionChoice.PHASE;
        }
        for (ImportReport.Element e : ctx.log.recognised) {
            if (e.line() < s.line || e.line() > end) {
                continue;
            }
            switch (e.kind()) {
                case "rollback procedure", "runbook" -> {
                    return SectionChoice.RUNBOOK;
                }
                case "test suite", "test case" -> {
                    return SectionChoice.TEST_SUITE;
                }
                default -> {
                }
            }
        }
        return SectionChoice.NOTES;
    }
}
