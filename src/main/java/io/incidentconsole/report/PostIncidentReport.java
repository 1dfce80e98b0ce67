package io.incidentconsole.report;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.AlertState;
import io.incidentconsole.incident.CommandAction;
import io.incidentconsole.incident.CommandRecord;
import io.incidentconsole.incident.DecisionRecord;
import io.incidentconsole.incident.RollbackRecord;
import io.incidentconsole.incident.SignOffRecord;
import io.incidentconsole.incident.StartRecord;
import io.incidentconsole.incident.PhaseState;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.incident.Timeline;
import io.incidentconsole.incident.TimelineEntry;
import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.Note;
import io.incidentconsole.plan.NoteKind;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.QuantityFormat;
import io.incidentconsole.plan.SignOff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The record of an incident once it is over: summary, timeline, decisions and their outcomes, every command
 * generated or run, test results per phase, metrics before and after (table and charts), alerts, updates sent,
 * sign-offs, operator notes, and a lessons-learned section laid out with the plan's own lessons headings for the
 * team to complete.
 */
public final class PostIncidentReport {

    /** Section anchors (HTML ids), in order. */
    public static final List<String> SECTIONS = List.of("summary", "timeline", "decisions", "commands", "tests",
            "metrics", "alerts", "updates", "sign-offs", "notes", "lessons");

    static final String TO_COMPLETE = "To complete";

    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern BOLD_HEADING = Pattern.compile("^\\s*(?:\\d+\\.\\s+|[-*]\\s+)?\\*\\*(.+?)\\*\\*:?\\s*$");

    private PostIncidentReport() {
    }

    public static String markdown(IncidentState state, MetricHistory metrics, Instant generatedAt) {
        return ReportRenderer.markdown(document(state, metrics, generatedAt), null);
    }

    public static String html(IncidentState state, MetricHistory metrics, Instant generatedAt) {
        return ReportRenderer.html(document(state, metrics, generatedAt));
    }

    public static ReportDocument document(IncidentState state, MetricHistory metrics, Instant generatedAt) {
        Plan plan = state.plan();
        String title = "Post-incident report: " + ReportFacts.title(state);
        ReportDocument.Builder doc = new ReportDocument.Builder();
        doc.heading(1, "report", title);
        Instant end = end(state, generatedAt);
        summary(doc, state, metrics, generatedAt, end);
        timeline(doc, state);
        decisions(doc, state);
        commands(doc, state);
        tests(doc, state);
        metrics(doc, plan, state, metrics, generatedAt);
        alerts(doc, state);
        updates(doc, state);
        signOffs(doc, state);
        notes(doc, state);
        lessons(doc, plan);
        return doc.build(title);
    }

    /** When the incident ended: its last event, or now if nothing was recorded. */
    private static Instant end(IncidentState state, Instant generatedAt) {
        return state.lastEvent().map(Event::at).orElse(generatedAt);
    }

    private static void summary(ReportDocument.Builder doc, IncidentState state, MetricHistory metrics,
                                Instant generatedAt, Instant end) {
        Plan plan = state.plan();
        doc.heading(2, "summary", "Summary");
        Optional<StartRecord> started = state.started();
        doc.lead("Incident:", ReportFacts.incidentId(state) + started.map(s -> ", started by " + s.operator() + " at "
                + ReportFacts.time(s.at())).orElse(""));
        started.ifPresent(s -> doc.lead("Last recorded event:", ReportFacts.time(end) + " (incident ran "
                + duration(Duration.between(s.at(), end)) + ")"));
        doc.lead("Phases:", ReportFacts.phaseTally(state));
        doc.table(ReportFacts.PHASE_HEADERS, ReportFacts.phaseRows(state));
        int passed = 0;
        int failed = 0;
        for (Phase phase : plan.phases()) {
            TestTally tally = TestTally.of(state, phase);
            passed += tally.count(TestOutcome.PASS);
            failed += tally.count(TestOutcome.FAIL);
        }
        doc.lead("Tests:", passed + " passed, " + failed + " failed (latest result of each test)");
        long generated = state.commands().stream()
                .filter(c -> c.action() == CommandAction.GENERATED).count();
        long run = state.commands().stream().filter(c -> c.action() == CommandAction.RUN).count();
        doc.lead("Commands:", generated + " generated, " + run + " run");
        doc.lead("Decisions:", state.decisions().size() + "; rollbacks: " + state.rollbacks().size()
                + "; alerts fired: " + state.alerts().values().stream().mapToInt(AlertState::timesFired)
                .sum());
        doc.lead("Metrics source:", metrics.description()
                + (metrics.simulated() ? ": the metric values in this report are SIMULATED, not measured" : ""));
        doc.lead("Generated:", ReportFacts.time(generatedAt) + " from the incident journal ("
                + state.events().size() + " events) and plan " + (plan.plan().title() == null ? ""
                : plan.plan().title()));
    }

    private static String duration(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        long days = minutes / (24 * 60);
        long hours = (minutes / 60) % 24;
        long mins = minutes % 60;
        return (days > 0 ? days + " d " : "") + (days > 0 || hours > 0 ? hours + " h " : "") + mins + " min";
    }

    private static void timeline(ReportDocument.Builder doc, IncidentState state) {
        doc.heading(2, "timeline", "Timeline");
        List<List<String>> rows = new ArrayList<>();
        for (TimelineEntry entry : new Timeline(state).entries()) {
            Event event = entry.event();
            rows.add(List.of(String.valueOf(event.seq()), ReportFacts.SECONDS.format(event.at()), event.operator(),
                    entry.kind(), entry.summary() + (entry.undone() ? " (undone)" : "")));
        }
        if (rows.isEmpty()) {
            doc.italic("Nothing was recorded.");
        } else {
            doc.table(List.of("#", "Time (UTC)", "Operator", "Kind", "What happened"), rows);
        }
    }

    private static void decisions(ReportDocument.Builder doc, IncidentState state) {
        Plan plan = state.plan();
        doc.heading(2, "decisions", "Decisions and outcomes");
        List<String> items = new ArrayList<>();
        for (DecisionRecord decision : state.decisions()) {
            items.add(ReportFacts.time(decision.at()) + " · " + decision.operator() + ": "
                    + ReportFacts.decision(plan, decision));
        }
        for (RollbackRecord rollback : state.rollbacks()) {
            String title = ReportFacts.runbookTitle(plan, rollback.runbookId());
            String outcome = rollback.running() ? "still running"
                    : Boolean.TRUE.equals(rollback.succeeded()) ? "succeeded " + ReportFacts.time(rollback.finishedAt())
                    : "FAILED " + ReportFacts.time(rollback.finishedAt());
            items.add(ReportFacts.time(rollback.startedAt()) + " · rollback " + title
                    + (rollback.reason() == null ? "" : " (reason: " + rollback.reason() + ")") + ": " + outcome
                    + (rollback.finishNote() == null ? "" : "; " + rollback.finishNote()));
        }
        for (Phase phase : plan.phases()) {
            for (PhaseState.GateOverride override : state.phase(phase.id()).gateOverrides()) {
                items.add(ReportFacts.time(override.at()) + " · " + override.operator() + " overrode the "
                        + override.gate() + " gate of " + ReportFacts.phaseLabel(phase) + ": " + override.reason());
            }
            List<String> open = state.phase(phase.id()).confirmedOpenItems();
            if (!open.isEmpty()) {
                items.add(ReportFacts.phaseLabel(phase) + " was completed with open items: " + String.join("; ", open));
            }
        }
        doc.bullets(items, "No decisions, rollbacks or overrides were recorded.");
    }

    private static void commands(ReportDocument.Builder doc, IncidentState state) {
        Plan plan = state.plan();
        doc.heading(2, "commands", "Commands generated and run");
        List<List<String>> rows = new ArrayList<>();
        List<CommandRecord> scripts = new ArrayList<>();
        for (CommandRecord command : state.commands()) {
            String source = ReportFacts.rollbackSource(plan, command.source()).map(r -> command.source() + " (" + r
                    + ")").orElse(command.source());
            rows.add(List.of(ReportFacts.SECONDS.format(command.at()), command.action().name().toLowerCase(Locale.ROOT),
                    source, command.scriptSha256(), command.exitCode() == null ? "" : command.exitCode().toString(),
                    command.operator()));
            if (command.script() != null && !command.script().isBlank()) {
                scripts.add(command);
            }
        }
        if (rows.isEmpty()) {
            doc.italic("No command was generated or run.");
            return;
        }
        doc.table(List.of("Time (UTC)", "Action", "Source", "sha256", "Exit code", "Operator"), rows);
        for (CommandRecord script : scripts) {
            doc.heading(3, null, "Script " + script.source() + " (sha256 " + ReportFacts.shortSha(script.scriptSha256())
                    + ")");
            doc.code("bash", script.script());
        }
    }

    private static void tests(ReportDocument.Builder doc, IncidentState state) {
        doc.heading(2, "tests", "Test results per phase");
        boolean any = false;
        for (Phase phase : state.plan().phases()) {
            TestTally tally = TestTally.of(state, phase);
            if (tally.planned() == 0) {
                continue;
            }
            any = true;
            doc.heading(3, null, ReportFacts.phaseLabel(phase) + ": " + tally.summary());
            List<List<String>> rows = new ArrayList<>();
            for (TestTally.Result result : tally.results()) {
                rows.add(List.of(result.suite().title(), result.name(),
                        result.outcome() == null ? "not run" : result.outcome().name(),
                        result.note() == null ? "" : result.note(),
                        result.at() == null ? "" : ReportFacts.SECONDS.format(result.at())));
            }
            doc.table(List.of("Suite", "Test", "Result", "Note", "Recorded (UTC)"), rows);
        }
        if (!any) {
            doc.italic("The plan has no tests.");
        }
    }

    /** Values up to the report's generation: numbers measured after the last event still show the outcome. */
    private static void metrics(ReportDocument.Builder doc, Plan plan, IncidentState state, MetricHistory history,
                                Instant end) {
        doc.heading(2, "metrics", "Metrics before and after");
        if (plan.metrics().isEmpty()) {
            doc.italic("The plan names no metrics.");
            return;
        }
        doc.lead("Source:", history.description() + (history.simulated()
                ? ": SIMULATED values (the console's simulator replayed over the phase completions in the journal)"
                : ""));
        List<MetricSummary.Row> rows = MetricSummary.rows(plan, history, end.toEpochMilli());
        doc.table(MetricSummary.HEADERS, rows.stream().map(MetricSummary.Row::cells).toList());
        if (!history.problems().isEmpty()) {
            doc.lead("Skipped input:", history.problems().size() + " problem(s) while reading the metrics");
            doc.bullets(history.problems().stream().limit(20).toList(), "");
        }
        List<MetricChart.Marker> markers = new ArrayList<>();
        for (Phase phase : plan.phases()) {
            Instant completed = state.phase(phase.id()).completedAt();
            if (completed != null) {
                markers.add(new MetricChart.Marker(completed, phase.id() + " done"));
            }
        }
        for (Metric metric : plan.metrics()) {
            Optional<MetricHistory.Series> series = history.series(metric.id())
                    .map(s -> s.upTo(end.toEpochMilli())).filter(s -> !s.isEmpty());
            if (series.isEmpty()) {
                continue;
            }
            byte[] png = MetricChart.png(metric, series.get(), markers, history.simulated());
            doc.image(new ReportDocument.Image("chart-" + fileSafe(metric.id()),
                    metric.name() + (history.simulated() ? " (simulated)" : ""), png, MetricChart.WIDTH,
                    MetricChart.HEIGHT));
        }
    }

    private static void alerts(ReportDocument.Builder doc, IncidentState state) {
        doc.heading(2, "alerts", "Alerts");
        List<String> items = new ArrayList<>();
        for (Event event : state.events()) {
            if (event.payload() instanceof EventPayload.AlertFired fired && !state.isUndone(event.id())) {
                items.add(ReportFacts.time(event.at()) + " · " + fired.alertId()
                        + (fired.metricId() == null ? "" : " on " + fired.metricId())
                        + (fired.value() == null ? "" : " at " + QuantityFormat.compact(fired.value()))
                        + (fired.message() == null ? "" : ": " + fired.message()));
            } else if (event.payload() instanceof EventPayload.AlertCleared cleared && !state.isUndone(event.id())) {
                items.add(ReportFacts.time(event.at()) + " · " + cleared.alertId() + " cleared"
                        + (cleared.value() == null ? "" : " at " + QuantityFormat.compact(cleared.value()))
                        + (cleared.message() == null ? "" : ": " + cleared.message()));
            }
        }
        for (AlertState alert : state.alerts().values()) {
            items.add(alert.alertId() + ": " + (alert.firing() ? "still firing at the end" : "cleared") + ", "
                    + (alert.acknowledged() ? "acknowledged by " + alert.acknowledgedBy()
                    + " at " + ReportFacts.time(alert.acknowledgedAt())
                    + (alert.acknowledgeNote() == null ? "" : " (" + alert.acknowledgeNote() + ")")
                    : "never acknowledged"));
        }
        doc.bullets(items, "No alert fired.");
    }

    private static void updates(ReportDocument.Builder doc, IncidentState state) {
        doc.heading(2, "updates", "Stakeholder updates sent");
        List<String> items = state.updates().stream()
                .map(u -> ReportFacts.time(u.at()) + " · " + u.operator() + " to "
                        + (u.audience() == null ? "stakeholders" : u.audience())
                        + (u.cadenceId() == null ? "" : " (" + u.cadenceId() + ")"))
                .toList();
        doc.bullets(items, "No update was published.");
    }

    private static void signOffs(ReportDocument.Builder doc, IncidentState state) {
        Plan plan = state.plan();
        doc.heading(2, "sign-offs", "Sign-offs");
        List<List<String>> rows = new ArrayList<>();
        List<String> given = new ArrayList<>();
        for (SignOff.Approval approval : plan.signOff().approvals()) {
            List<SignOffRecord> records = state.signOffs().stream()
                    .filter(s -> s.approvalId().equals(approval.id())).toList();
            given.add(approval.id());
            String phase = approval.phase() == null ? "whole plan" : ReportFacts.phaseLabel(plan, approval.phase());
            if (records.isEmpty()) {
                rows.add(List.of(approval.title(), phase, "NOT SIGNED", "", "", ""));
            }
            for (SignOffRecord record : records) {
                rows.add(List.of(approval.title(), phase, record.operator(), record.role() == null ? "" : record.role(),
                        ReportFacts.time(record.at()), record.note() == null ? "" : record.note()));
            }
        }
        for (SignOffRecord record : state.signOffs()) {
            if (!given.contains(record.approvalId())) {
                rows.add(List.of(record.approvalId(), "", record.operator(), record.role() == null ? "" : record.role(),
                        ReportFacts.time(record.at()), record.note() == null ? "" : record.note()));
            }
        }
        if (rows.isEmpty()) {
            doc.italic("The plan asks for no sign-offs and none was given.");
        } else {
            doc.table(List.of("Approval", "For", "Signed by", "Role", "When", "Note"), rows);
        }
    }

    private static void notes(ReportDocument.Builder doc, IncidentState state) {
        doc.heading(2, "notes", "Operator notes");
        doc.bullets(state.notes().stream()
                .map(n -> ReportFacts.time(n.at()) + " · " + n.operator()
                        + (n.phaseId() == null ? "" : " on " + n.phaseId()) + ": " + n.text())
                .toList(), "No notes were added.");
    }

    private static void lessons(ReportDocument.Builder doc, Plan plan) {
        doc.heading(2, "lessons", "Lessons learned");
        List<Note> lessons = plan.notes().stream().filter(n -> n.kind() == NoteKind.LESSONS).toList();
        if (lessons.isEmpty()) {
            doc.heading(3, null, "What went wrong").italic(TO_COMPLETE);
            doc.heading(3, null, "What went well").italic(TO_COMPLETE);
            doc.heading(3, null, "Process improvements").italic(TO_COMPLETE);
            return;
        }
        for (Note note : lessons) {
            doc.heading(3, null, note.title());
            List<String> headings = lessonHeadings(note.body());
            if (headings.isEmpty()) {
                doc.italic(TO_COMPLETE);
            }
            for (String heading : headings) {
                doc.heading(4, null, heading).italic(TO_COMPLETE);
            }
        }
    }

    /** The headings inside a lessons note: Markdown headings and bold lead lines ("1. **Monitoring Gap:**"). */
    static List<String> lessonHeadings(String body) {
        List<String> headings = new ArrayList<>();
        if (body == null) {
            return headings;
        }
        for (String line : body.split("\\R")) {
            Matcher heading = MARKDOWN_HEADING.matcher(line);
            Matcher bold = BOLD_HEADING.matcher(line);
            String text = heading.matches() ? heading.group(1) : bold.matches() ? bold.group(1) : null;
            if (text != null) {
                text = text.strip();
                if (text.endsWith(":")) {
                    text = text.substring(0, text.length() - 1).strip();
                }
                if (!text.isEmpty()) {
                    headings.add(text);
                }
            }
        }
        return headings;
    }

    private static String fileSafe(String id) {
        return id.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
