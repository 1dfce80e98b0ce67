package io.incidentconsole.importer;

import io.incidentconsole.importer.PlanBuilders.InfoBuilder;
import io.incidentconsole.importer.PlanBuilders.IssueBuilder;
import io.incidentconsole.importer.PlanBuilders.MetricBuilder;
import io.incidentconsole.importer.PlanBuilders.PhaseBuilder;
import io.incidentconsole.importer.PlanBuilders.PlanBuilder;
import io.incidentconsole.plan.CheckItem;
import io.incidentconsole.plan.Communication;
import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.Note;
import io.incidentconsole.plan.NoteKind;
import io.incidentconsole.plan.Parameter;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanIssue;
import io.incidentconsole.plan.ProcedureStep;
import io.incidentconsole.plan.Runbook;
import io.incidentconsole.plan.SignOff;
import io.incidentconsole.plan.Task;
import io.incidentconsole.plan.TestSuite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the plan from what the recognisers read: ids for tasks and checks, dependencies in plan order,
 * runbook parameters from their commands; elements too thin to keep (a suite without checks, a runbook
 * without procedures) are left out with a report line, and nothing they held is lost.
 */
final class PlanAssembler {

    private final ReportLog log;

    PlanAssembler(ReportLog log) {
        this.log = log;
    }

    Plan assemble(PlanDraft draft) {
        PlanDraft.Header h = draft.header();
        List<Note> notes = new ArrayList<>(draft.notes());
        SignOff signOff = h.signOffStatus() == null && h.nextAction() == null && h.signOffOwner() == null
                && draft.approvals().isEmpty() ? null
                : new SignOff(h.signOffStatus(), h.nextAction(), h.signOffOwner(), draft.approvals());
        return new PlanBuilder()
                .info(new InfoBuilder().title(h.title()).date(h.date()).owner(h.owner()).status(h.status())
                        .summary(draft.summary()).keyDecision(h.keyDecision()).lastUpdated(h.lastUpdated()).build())
                .issues(draft.issues().stream().map(PlanAssembler::issue).toList())
                .phases(phases(draft))
                .testSuites(suites(draft))
                .runbooks(runbooks(draft, notes))
                .metrics(draft.metrics().stream().map(PlanAssembler::metric).toList())
                .decisions(draft.decisions())
                .communication(new Communication(draft.cadences()))
                .dependencies(draft.dependencies())
                .signOff(signOff)
                .notes(notes)
                .build();
    }

    private static PlanIssue issue(PlanDraft.Issue d) {
        return new IssueBuilder().id(d.id()).title(d.title()).priority(d.priority()).priorityNote(d.priorityNote())
                .severity(d.severity()).impact(d.impact()).urgency(d.urgency()).risk(d.risk()).created(d.created())
                .dependencyNote(d.dependencyNote()).filesSummary(d.filesSummary()).affectedFiles(d.affectedFiles())
                .description(d.description()).build();
    }

    private List<Phase> phases(PlanDraft draft) {
        Set<String> issueIds = draft.issueIds();
        Map<String, Integer> order = new HashMap<>();
        draft.phases().forEach(p -> order.putIfAbsent(p.id(), order.size()));
        List<Phase> phases = new ArrayList<>();
        for (PlanDraft.Phase d : draft.phases()) {
            List<String> dependsOn = new ArrayList<>(d.dependsOn());
            dependsOn.sort(Comparator.comparingInt(id -> order.getOrDefault(id, -1)));
            List<Task> tasks = new ArrayList<>();
            for (int i = 0; i < d.tasks().size(); i++) {
                PlanDraft.Task t = d.tasks().get(i);
                String id = d.id() + ".task-" + (i + 1);
                // A task may name an issue the document never defines (e.g. "#324 Tasks" in a plan without #324).
                String issue = t.issue() != null && issueIds.contains(t.issue()) ? t.issue() : null;
                if (t.issue() != null && issue == null) {
                    log.decided(t.line(), "task '" + t.text() + "' names issue #" + t.issue()
                            + ", which the document does not define; kept the task without it");
                }
                tasks.add(new Task(null, t.text(), issue, t.details(), Boolean.TRUE.equals(t.ticked())));
                log.recognised("task", id, t.text(), t.line(), ReadContext.tickDetail(t.ticked()));
            }
            phases.add(new PhaseBuilder().id(d.id()).number(d.number()).name(d.name()).issues(d.issues())
                    .timeline(d.timeline()).dependsOn(dependsOn).optional(d.optional()).status(d.status())
                    .statusNote(d.statusNote())
                    .description(d.description().isEmpty() ? null : String.join("\n", d.description()))
                    .tasks(tasks).successCriteria(d.successCriteria()).audit(d.audit()).planned(d.planned())
                    .guidedSteps(d.guidedSteps()).build());
        }
        return phases;
    }

    private List<TestSuite> suites(PlanDraft draft) {
        List<TestSuite> suites = new ArrayList<>();
        // A suite repeated word for word (a section pasted twice) is one suite: its checks would be ticked twice,
        // and a suite naming no phase covers every phase of its issue, so repeats grew the plan with the square.
        Map<TestSuite, PlanDraft.Suite> firstWithContent = new HashMap<>();
        for (PlanDraft.Suite d : draft.suites()) {
            if (d.checks().isEmpty() && d.cases().isEmpty()) {
                log.decided(d.line(), "test suite '" + d.title() + "' has no checks or cases; left it out");
                continue;
            }
            List<CheckItem> checks = new ArrayList<>();
            for (PlanDraft.Task t : d.checks()) {
                checks.add(new CheckItem(null, t.text(), Boolean.TRUE.equals(t.ticked())));
            }
            PlanDraft.Suite first = firstWithContent.putIfAbsent(
                    new TestSuite(null, d.title(), d.issue(), d.phases(), d.when(), checks, d.cases()), d);
            if (first != null) {
                log.decided(d.line(), "test suite '" + d.title() + "' (" + d.id() + ") repeats " + first.id()
                        + " of line " + first.line() + " word for word (same phases, checks and cases); kept " + first.id());
                continue;
            }
            for (int i = 0; i < d.checks().size(); i++) {
                PlanDraft.Task t = d.checks().get(i);
                log.recognised("check", d.id() + ".check-" + (i + 1), t.text(), t.line(), ReadContext.tickDetail(t.ticked()));
            }
            suites.add(new TestSuite(d.id(), d.title(), d.issue(), d.phases(), d.when(), checks, d.cases()));
        }
        return suites;
    }

    /** The runbooks with procedures; criteria of a runbook without any are kept in a note appended to {@code notes}. */
    private List<Runbook> runbooks(PlanDraft draft, List<Note> notes) {
        List<Runbook> runbooks = new ArrayList<>();
        for (PlanDraft.Runbook d : draft.runbooks()) {
            if (d.procedures().isEmpty()) {
                if (!d.criteria().isEmpty()) {
                    log.decided(d.line(), "rollback criteria of '" + d.title() + "' have no procedure to go with; "
                            + "kept them in a note");
                    StringBuilder body = new StringBuilder();
                    d.criteria().forEach(c -> body.append("- ").append(c.text()).append('\n'));
                    notes.add(new Note("note-" + (notes.size() + 1), d.title() + " (decision criteria)",
                            NoteKind.OTHER, d.issue(), null, body.toString().strip()));
                }
                continue;
            }
            List<String> commands = new ArrayList<>();
            d.procedures().forEach(p -> p.steps().stream().map(ProcedureStep::command)
                    .filter(Objects::nonNull).forEach(commands::add));
            List<Parameter> parameters = Commands.parameters(commands);
            parameters.forEach(p -> log.recognised("parameter", d.id(), p.name(), d.line(), p.type().name()));
            runbooks.add(new Runbook(d.id(), d.title(), d.issue(), d.criteria(), parameters, d.procedures()));
            log.recognised("runbook", d.id(), d.title(), d.line(), d.procedures().size() + " procedures");
        }
        return runbooks;
    }

    private static Metric metric(PlanDraft.Metric d) {
        return new MetricBuilder().id(d.id()).name(d.name()).issue(d.issue()).unit(d.unit()).baseline(d.baseline())
                .target(d.target()).direction(d.direction()).targetNote(d.targetNote()).thresholds(d.thresholds())
                .milestones(d.milestones()).build();
    }
}
