package io.incidentconsole.importer;

import io.incidentconsole.importer.Drafts.PhaseDraft;
import io.incidentconsole.importer.Drafts.SuiteDraft;

import java.util.List;

/** A suite whose label names no phase covers the (non-optional) phases of its issue, or none when that is ambiguous. */
final class SuiteCoverage {

    private final ReadContext ctx;

    SuiteCoverage(ReadContext ctx) {
        this.ctx = ctx;
    }

    void assign() {
        for (SuiteDraft suite : ctx.suites) {
            if (suite.phasesGiven || !suite.phases.isEmpty()) {
                continue;
            }
            List<PhaseDraft> ofIssue = ctx.phases.ofOrAll(suite.issue);
            List<PhaseDraft> required = ofIssue.stream().filter(p -> !p.optional).toList();
            List<PhaseDraft> chosen = required.isEmpty() ? ofIssue : required;
            if (chosen.size() > 1 && suite.issue == null) {
                chosen = List.of();
            }
            chosen.forEach(p -> suite.phases.add(p.id));
            if (chosen.isEmpty()) {
                ctx.log.decided(suite.line, "'" + suite.title + "' names no phase and the plan has several; it covers no phase");
            } else {
                ctx.log.decided(suite.line, "'" + suite.title + "' names no phase; it covers "
                        + ReportLog.listed(suite.phases) + " (the " + (required.isEmpty() ? "" : "non-optional ") + "phases of "
                        + (suite.issue == null ? "the plan" : "#" + suite.issue) + ")");
            }
        }
    }
}
