package io.incidentconsole.importer;

import io.incidentconsole.plan.Plan;

import java.util.Comparator;
import java.util.List;

/**
 * The outcome of an import: the plan (always valid, possibly empty), the tidy YAML it was loaded from (what
 * {@code import -o} writes and {@code validate} accepts), and the report of what was understood.
 */
public record ImportResult(Plan plan, String yaml, ImportReport report) {

    /** Whether the document gave nothing to work through: no phase, no test suite, no runbook. */
    public boolean recognisedNothing() {
        return plan.phases().isEmpty() && plan.testSuites().isEmpty() && plan.runbooks().isEmpty();
    }

    /** The largest sections kept as notes (by source lines), largest first, at most {@code limit}. */
    public List<ImportReport.UnusedSection> largestNotes(int limit) {
        return report.unused().stream().filter(u -> u.keptAs() != null)
                .sorted(Comparator.comparingInt((ImportReport.UnusedSection u) -> u.toLine() - u.fromLine()).reversed())
                .limit(limit).toList();
    }
}
