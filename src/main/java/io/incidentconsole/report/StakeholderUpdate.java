package io.incidentconsole.report;

import io.incidentconsole.board.PhaseGates;
import io.incidentconsole.board.PhaseSchedule;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.AlertState;
import io.incidentconsole.incident.CommandAction;
import io.incidentconsole.incident.CommandRecord;
import io.incidentconsole.incident.DecisionRecord;
import io.incidentconsole.incident.RollbackRecord;
import io.incidentconsole.incident.StartRecord;
import io.incidentconsole.incident.UpdateRecord;
import io.incidentconsole.incident.PhaseLifecycle;
import io.incidentconsole.incident.PhaseState;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.Communication.Cadence;
import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.QuantityFormat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stakeholder update written from the incident state: the headline and overall status, what was completed
 * since the last published update, what is in progress and blocked (and why), tests, key metrics now against
 * baseline and target, alerts, decisions and rollbacks since the last update, and the next steps with their
 * planned times. The operator edits it before publishing.
 */
public final class StakeholderUpdate {

    private StakeholderUpdate() {
    }

    /**
     * The update as Markdown. {@code cadence} (nullable) names the audience and decides which published update
     * counts as "the last one"; without it, the last update of any cadence counts.
     */
    public static String compose(IncidentState state, MetricHistory metrics, Instant now, Cadence cadence) {
        return ReportRenderer.markdown(document(state, metrics, now, cadence), null);
    }

    /** When the update this one follows was published; null when there was none. */
    public static Instant since(IncidentState state, Cadence cadence) {
        Instant last = null;
        for (UpdateRecord update : state.updates()) {
            if ((cadence == null || Objects.equals(update.cadenceId(), cadence.id()))
                    && (last == null || update.at().isAfter(last))) {
                last = update.at();
            }
        }
        return last;
    }

    /** The update as a document, for writing as Markdown or HTML. */
    public static ReportDocument document(IncidentState state, MetricHistory metrics, Instant now, Cadence cadence) {
        Plan plan = state.plan();
        Instant since = since(state, cadence);
        Instant from = since != null ? since : state.started().map(StartRecord::at).orElse(Instant.EPOCH);
        ReportDocument.Builder doc = new ReportDocument.Builder();

        doc.heading(1, "update", "Status update: " + ReportFacts.title(state));
        doc.lead("As of:", ReportFacts.time(now) + " · incident " + ReportFacts.incidentId(state)
                + (cadence == null ? "" : " · for " + cadence.label()));
        doc.lead("Since:", since == null ? "the start of the incident, " + ReportFacts.time(from)
                : "the last update, " + ReportFacts.time(since));

        headline(doc, state);
        completed(doc, state, from);
        inProgress(doc, state);
        blocked(doc, state);
        tests(doc, state);
        metrics(doc, plan, metrics, from, now);
        alerts(doc, state, from);
        decisionsAndRollbacks(doc, state, from);
        nextSteps(doc, state, now);
        return doc.build("Status update: " + ReportFacts.title(state));
    }

    private static void headline(ReportDocument.Builder doc, IncidentState state) {
        Plan plan = state.plan();
        int total = plan.phases().size();
        long complete = count(state, PhaseStatus.COMPLETE);
        long running = count(state, PhaseStatus.IN_PROGRESS);
        long blocked = plan.phases().stream().filter(p -> state.phase(p.id()).status() == PhaseStatus.BLOCKED).count();
        long waiting = plan.phases().stream().filter(p -> isWaiting(state, p)).count();
        // Each test whose latest result (for any phase, or for none) is a failure, counted once: one failure of a
        // suite that covers three phases is one failing test, not three.
        long failing = state.tests().values().stream().filter(r -> r.latest().outcome() == TestOutcome.FAIL)
                .map(r -> r.key().suiteId() + "/" + r.key().testId()).distinct().count();
        // A failed audit gate is a failing check too: the headline must not say "On track" while one stands.
        long failedAudits = plan.phases().stream().map(p -> state.phase(p.id()).audits())
                .filter(a -> !a.isEmpty() && !a.get(a.size() - 1).passed()).count();
        long openAlerts = state.openAlerts().size();
        long rollbacksRunning = state.rollbacks().stream().filter(RollbackRecord::running).count();
        List<String> risks = new ArrayList<>();
        if (rollbacksRunning > 0) {
            risks.add(rollbacksRunning + (rollbacksRunning == 1 ? " rollback running" : " rollbacks running"));
        }
        if (failing > 0) {
            risks.add(failing + (failing == 1 ? " test failing" : " tests failing"));
        }
        if (failedAudits > 0) {
            risks.add(failedAudits + (failedAudits == 1 ? " audit gate failed" : " audit gates failed"));
        }
        if (openAlerts > 0) {
            risks.add(openAlerts + (openAlerts == 1 ? " alert open" : " alerts open"));
        }
        String status;
        if (complete == total && total > 0) {
            status = "Resolved: every phase is complete";
        } else if (!risks.isEmpty()) {
            status = "At risk: " + String.join(", ", risks);
        } else {
            status = "On track";
        }
        doc.heading(2, "overall", "Overall status");
        doc.lead("Status:", status);
        doc.lead("Progress:", complete + " of " + total + " phases complete, " + running + " in progress, "
                + blocked + " blocked, " + waiting + " waiting on other phases");
        doc.lead("Phases:", ReportFacts.phaseTally(state));
        doc.table(ReportFacts.PHASE_HEADERS, ReportFacts.phaseRows(state));
    }

    private static long count(IncidentState state, PhaseStatus status) {
        return state.plan().phases().stream().filter(p -> state.phase(p.id()).status() == status).count();
    }

    /** Not started because a phase it depends on is not complete (and the gate was not overridden). */
    private static boolean isWaiting(IncidentState state, Phase phase) {
        PhaseStatus status = state.phase(phase.id()).status();
        return status != PhaseStatus.BLOCKED && status != PhaseStatus.COMPLETE && status != PhaseStatus.IN_PROGRESS
                && PhaseGates.availability(state.plan(), state, phase.id()) == PhaseGates.Availability.BLOCKED;
    }

    private static void completed(ReportDocument.Builder doc, IncidentState state, Instant from) {
        List<String> items = new ArrayList<>();
        for (Phase phase : state.plan().phases()) {
            PhaseState ps = state.phase(phase.id());
            if (ps.status() == PhaseStatus.COMPLETE && ps.completedAt() != null && ps.completedAt().isAfter(from)) {
                String open = ps.confirmedOpenItems().isEmpty() ? ""
                        : "; completed with " + ps.confirmedOpenItems().size() + " open item"
                        + (ps.confirmedOpenItems().size() == 1 ? "" : "s") + ": "
                        + String.join("; ", ps.confirmedOpenItems());
                String unverified = ps.verified() ? "" : " — " + PhaseLifecycle.label(state, phase.id());
                items.add(ReportFacts.phaseLabel(phase) + ": completed " + ReportFacts.time(ps.completedAt())
                        + unverified + open);
            }
        }
        doc.heading(2, "completed", "Completed since the last update");
        doc.bullets(items, "No phase was completed since the last update.");
    }

    private static void inProgress(ReportDocument.Builder doc, IncidentState state) {
        List<String> items = new ArrayList<>();
        for (Phase phase : state.plan().phases()) {
            PhaseState ps = state.phase(phase.id());
            if (ps.status() == PhaseStatus.IN_PROGRESS) {
                long ticked = phase.tasks().stream().filter(t -> ps.isTicked(t.id())).count();
                TestTally tally = TestTally.of(state, phase);
                items.add(ReportFacts.phaseLabel(phase) + ": started " + ReportFacts.time(ps.startedAt())
                        + "; tasks " + ticked + " of " + phase.tasks().size() + " done"
                        + (tally.planned() == 0 ? "" : "; tests " + tally.summary()));
            }
        }
        doc.heading(2, "in-progress", "In progress");
        doc.bullets(items, "No phase is in progress.");
    }

    private static void blocked(ReportDocument.Builder doc, IncidentState state) {
        List<String> items = new ArrayList<>();
        for (Phase phase : state.plan().phases()) {
            PhaseState ps = state.phase(phase.id());
            if (ps.status() == PhaseStatus.BLOCKED) {
                items.add("BLOCKED " + ReportFacts.phaseLabel(phase) + ": " + (ps.statusReason() == null
                        || ps.statusReason().isBlank() ? "no reason given" : ps.statusReason()));
            }
        }
        for (Phase phase : state.plan().phases()) {
            if (isWaiting(state, phase)) {
                items.add("waiting: " + ReportFacts.phaseLabel(phase) + ": "
                        + PhaseGates.blockedBecause(state.plan(), state, phase.id()));
            }
        }
        doc.heading(2, "blocked", "Blocked and waiting");
        doc.bullets(items, "Nothing is blocked or waiting.");
    }

    private static void tests(ReportDocument.Builder doc, IncidentState state) {
        List<List<String>> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int passed = 0;
        int failed = 0;
        for (Phase phase : state.plan().phases()) {
            TestTally tally = TestTally.of(state, phase);
            PhaseStatus status = state.phase(phase.id()).status();
            if (tally.planned() == 0 || !tally.anyRecorded() && status != PhaseStatus.IN_PROGRESS
                    && status != PhaseStatus.COMPLETE) {
                continue;
            }
            passed += tally.count(TestOutcome.PASS);
            failed += tally.count(TestOutcome.FAIL);
            rows.add(List.of(ReportFacts.phaseLabel(phase), String.valueOf(tally.count(TestOutcome.PASS)),
                    String.valueOf(tally.count(TestOutcome.FAIL)),
                    String.valueOf(tally.count(TestOutcome.BLOCKED) + tally.count(TestOutcome.SKIPPED)),
                    String.valueOf(tally.notRun()), String.valueOf(tally.planned())));
            for (TestTally.Result result : tally.results()) {
                if (result.outcome() == TestOutcome.FAIL || result.outcome() == TestOutcome.BLOCKED) {
                    problems.add(result.outcome() + " " + phase.id() + " · " + result.suite().title() + " › "
                            + result.name() + (result.note() == null || result.note().isBlank() ? ""
                            : ": " + result.note()));
                }
            }
        }
        doc.heading(2, "tests", "Tests");
        if (rows.isEmpty()) {
            doc.italic("No test results yet.");
            return;
        }
        doc.lead("Totals:", passed + " passed, " + failed + " failed");
        doc.table(List.of("Phase", "Passed", "Failed", "Blocked/skipped", "Not run", "Planned"), rows);
        if (!problems.isEmpty()) {
            doc.lead("Failing or blocked:", "");
            doc.bullets(problems, "");
        }
    }

    private static void metrics(ReportDocument.Builder doc, Plan plan, MetricHistory history, Instant from,
                                Instant now) {
        doc.heading(2, "metrics", "Key metrics");
        List<List<String>> rows = new ArrayList<>();
        for (Metric metric : plan.metrics()) {
            Optional<MetricHistory.Series> series = history.series(metric.id());
            Optional<Double> current = series.flatMap(s -> s.valueAt(now.toEpochMilli()));
            Optional<Double> before = series.flatMap(s -> s.valueAt(from.toEpochMilli()));
            MetricSummary.Row row = new MetricSummary.Row(metric, null, current.orElse(null));
            rows.add(List.of(metric.name() + (metric.unit() == null ? "" : " (" + metric.unit() + ")"),
                    MetricSummary.format(metric.baseline()), MetricSummary.format(before.orElse(null)),
                    MetricSummary.format(current.orElse(null)),
                    current.map(v -> QuantityFormat.change(metric.baseline(), v)).orElse(""),
                    MetricSummary.format(metric.target()), row.metText()));
        }
        if (rows.isEmpty()) {
            doc.italic("The plan names no metrics.");
            return;
        }
        doc.lead("Source:", history.description() + (history.simulated()
                ? ": these numbers are SIMULATED, not measured" : ""));
        doc.table(List.of("Metric", "Baseline", "At last update", "Now", "Change vs baseline", "Target",
                "Target met?"), rows);
    }

    private static void alerts(ReportDocument.Builder doc, IncidentState state, Instant from) {
        List<String> items = new ArrayList<>();
        for (AlertState alert : state.alerts().values()) {
            boolean recent = alert.firedAt().isAfter(from);
            if (!recent && alert.acknowledged()) {
                continue;
            }
            String metric = alert.metricId() == null ? "" : " on " + state.plan().metric(alert.metricId())
                    .map(Metric::name).orElse(alert.metricId());
            String value = alert.value() == null ? "" : " at " + QuantityFormat.compact(alert.value());
            items.add(alert.alertId() + metric + value + ": fired " + ReportFacts.time(alert.firedAt())
                    + (alert.timesFired() > 1 ? " (" + alert.timesFired() + " times)" : "")
                    + (alert.message() == null ? "" : ", " + alert.message())
                    + (alert.firing() ? "; still firing" : "; cleared " + ReportFacts.time(alert.clearedAt()))
                    + (alert.acknowledged() ? "; acknowledged by " + alert.acknowledgedBy() : "; NOT acknowledged"));
        }
        doc.heading(2, "alerts", "Alerts");
        doc.bullets(items, "No alert fired since the last update, and none is open.");
    }

    private static void decisionsAndRollbacks(ReportDocument.Builder doc, IncidentState state, Instant from) {
        Plan plan = state.plan();
        List<String> items = new ArrayList<>();
        for (DecisionRecord decision : state.decisions()) {
            if (decision.at().isAfter(from)) {
                items.add("Decision: " + ReportFacts.decision(plan, decision) + " (" + decision.operator() + ", "
                        + ReportFacts.time(decision.at()) + ")");
            }
        }
        for (CommandRecord command : state.commands()) {
            Optional<String> rollback = ReportFacts.rollbackSource(plan, command.source());
            if (command.at().isAfter(from) && rollback.isPresent()
                    && command.action() != CommandAction.COPIED) {
                items.add((command.action() == CommandAction.GENERATED
                        ? "Rollback script generated: " : "Rollback script run (exit " + command.exitCode() + "): ")
                        + rollback.get() + " (sha256 " + ReportFacts.shortSha(command.scriptSha256()) + ", "
                        + ReportFacts.time(command.at()) + ")");
            }
        }
        for (RollbackRecord rollback : state.rollbacks()) {
            Instant at = rollback.finishedAt() != null ? rollback.finishedAt() : rollback.startedAt();
            if (at == null || !at.isAfter(from)) {
                continue;
            }
            String title = ReportFacts.runbookTitle(plan, rollback.runbookId());
            items.add(rollback.running() ? "Rollback started: " + title + " (" + ReportFacts.time(rollback.startedAt())
                    + (rollback.reason() == null ? "" : "; reason: " + rollback.reason()) + "): still running"
                    : "Rollback " + (Boolean.TRUE.equals(rollback.succeeded()) ? "succeeded" : "FAILED") + ": "
                    + title + " (" + ReportFacts.time(rollback.finishedAt()) + ")"
                    + (rollback.finishNote() == null ? "" : ": " + rollback.finishNote()));
        }
        doc.heading(2, "decisions", "Decisions and rollbacks");
        doc.bullets(items, "No decisions or rollbacks since the last update.");
    }

    private static void nextSteps(ReportDocument.Builder doc, IncidentState state, Instant now) {
        List<String> items = new ArrayList<>();
        for (PhaseSchedule.Row row : PhaseSchedule.rows(state.plan(), state)) {
            if (row.status() == PhaseStatus.COMPLETE) {
                continue;
            }
            Phase phase = row.phase();
            String when = row.plannedStart() == null ? (phase.timeline() == null ? "no planned window"
                    : "planned: " + phase.timeline())
                    : "planned " + ReportFacts.time(row.plannedStart()) + " – " + ReportFacts.time(row.plannedEnd());
            String state0 = switch (PhaseGates.availability(state.plan(), state, phase.id())) {
                case RUNNING -> "continue";
                case READY, OVERRIDDEN -> "start";
                case BLOCKED -> "after its dependencies:";
                case DONE -> "done";
            };
            items.add(state0 + " " + ReportFacts.phaseLabel(phase) + " (" + when
                    + (row.late(now) ? ", LATE" : "") + ")");
        }
        doc.heading(2, "next", "Next steps");
        doc.bullets(items, "Every phase is complete.");
    }
}
