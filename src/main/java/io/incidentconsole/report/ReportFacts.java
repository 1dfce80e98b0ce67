package io.incidentconsole.report;

import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.DecisionRecord;
import io.incidentconsole.incident.StartRecord;
import io.incidentconsole.incident.PhaseLifecycle;
import io.incidentconsole.incident.PhaseState;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.DecisionTree;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.Runbook;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Wording shared by the stakeholder update and the post-incident report. */
final class ReportFacts {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private ReportFacts() {
    }

    static String time(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    /** "#330 1: Emergency N+1 Fixes". */
    static String phaseLabel(Plan plan, String phaseId) {
        return plan.phase(phaseId).map(ReportFacts::phaseLabel).orElse(phaseId);
    }

    static String phaseLabel(Phase phase) {
        String issues = String.join(", ", phase.issues().stream().map(i -> "#" + i).toList());
        return (issues.isEmpty() ? "" : issues + " ") + phase.label();
    }

    /** Headers of {@link #phaseRows}. */
    static final List<String> PHASE_HEADERS = List.of("Phase", "Status", "Started", "Completed");

    /**
     * Every phase with its status in the lifecycle's words ("COMPLETE (unverified)", "ROLLED BACK"), as the board
     * and the status command say it.
     */
    static List<List<String>> phaseRows(IncidentState state) {
        List<List<String>> rows = new ArrayList<>();
        for (Phase phase : state.plan().phases()) {
            PhaseState ps = state.phase(phase.id());
            rows.add(List.of(phaseLabel(phase), PhaseLifecycle.label(state, phase.id()), time(ps.startedAt()),
                    time(ps.completedAt())));
        }
        return rows;
    }

    /** "3 of 7 complete (1 unverified), 1 rolled back": the phases' tally in the lifecycle's words. */
    static String phaseTally(IncidentState state) {
        List<PhaseState> phases = state.plan().phases().stream().map(p -> state.phase(p.id())).toList();
        long complete = phases.stream().filter(p -> p.status() == PhaseStatus.COMPLETE).count();
        long unverified = phases.stream().filter(p -> p.status() == PhaseStatus.COMPLETE && !p.verified()).count();
        long rollingBack = phases.stream().filter(p -> p.status() == PhaseStatus.ROLLING_BACK).count();
        long rolledBack = phases.stream().filter(p -> p.status() == PhaseStatus.ROLLED_BACK).count();
        return complete + " of " + phases.size() + " complete" + (unverified == 0 ? "" : " (" + unverified
                + " unverified)") + (rollingBack == 0 ? "" : ", " + rollingBack + " rolling back")
                + (rolledBack == 0 ? "" : ", " + rolledBack + " rolled back");
    }

    static String title(IncidentState state) {
        return state.started().map(StartRecord::planTitle).filter(t -> t != null && !t.isBlank())
                .orElse(state.plan().plan().title() == null ? "Incident" : state.plan().plan().title());
    }

    static String incidentId(IncidentState state) {
        return state.started().map(StartRecord::incidentId).orElse("(not started)");
    }

    /** "Schema cleanup decision → PROCEED with schema cleanup". */
    static String decision(Plan plan, DecisionRecord record) {
        Optional<DecisionTree> tree = plan.decisions().stream().filter(t -> t.id().equals(record.treeId()))
                .findFirst();
        String title = tree.map(DecisionTree::title).orElse(record.treeId());
        String outcome = record.outcomeId() == null ? "no outcome reached"
                : tree.flatMap(t -> t.outcome(record.outcomeId())).map(DecisionTree.Outcome::title)
                .orElse(record.outcomeId());
        String answers = String.join("; ", record.answers().stream()
                .map(a -> tree.flatMap(t -> t.node(a.nodeId())).map(DecisionTree.DecisionNode::question)
                        .orElse(a.nodeId()) + " " + a.label())
                .toList());
        return title + " → " + outcome + (answers.isEmpty() ? "" : " (" + answers + ")");
    }

    /** The runbook procedure a command came from, when it is one: the command is then a rollback script. */
    static Optional<String> rollbackSource(Plan plan, String source) {
        for (Runbook runbook : plan.runbooks()) {
            for (Procedure procedure : runbook.procedures()) {
                if (source.equals(procedure.id()) || source.startsWith(procedure.id() + ".")) {
                    return Optional.of(runbook.title() + " › "
                            + (procedure.title() == null ? procedure.id() : procedure.title()));
                }
            }
            if (source.equals(runbook.id())) {
                return Optional.of(runbook.title());
            }
        }
        return Optional.empty();
    }

    static String runbookTitle(Plan plan, String runbookId) {
        return plan.runbook(runbookId).map(Runbook::title).orElse(runbookId);
    }

    static String shortSha(String sha) {
        return sha == null ? "" : sha.length() > 12 ? sha.substring(0, 12) : sha;
    }
}
