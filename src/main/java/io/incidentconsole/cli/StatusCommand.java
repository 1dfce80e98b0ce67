package io.incidentconsole.cli;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventDescriber;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentException;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.AlertState;
import io.incidentconsole.incident.TestRecord;
import io.incidentconsole.incident.TestResult;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.incident.JournalException;
import io.incidentconsole.incident.PhaseLifecycle;
import io.incidentconsole.incident.PhaseState;
import io.incidentconsole.incident.Timeline;
import io.incidentconsole.incident.TimelineEntry;
import io.incidentconsole.plan.CheckItem;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.Task;
import io.incidentconsole.plan.TestCase;
import io.incidentconsole.plan.TestSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Print where an incident stands: each phase's status, ticked tasks and test results, "
                + "open alerts and the last event.",
                "Reads the incident folder only; works while a console has the incident open."})
final class StatusCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INCIDENT_DIR", description = "The incident's folder.")
    Path incidentDir;

    @picocli.CommandLine.Option(names = "--json",
            description = "As JSON for scripts: incident, drill, phases (status, verified, tasks, tests, criteria, "
                    + "gates), approvals, alerts.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Incident incident = IncidentStore.inspect(incidentDir)) {
            IncidentWarnings.print(incident, err);
            if (json) {
                out.println(StatusJson.of(incident));
            } else {
                print(incident, out);
            }
            return 0;
        } catch (IncidentException | JournalException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static void print(Incident incident, PrintWriter out) {
        IncidentState state = incident.state();
        Plan plan = state.plan();
        out.println((incident.metadata().drill() ? "DRILL " : "Incident ") + incident.id() + ": " + plan.plan().title()
                + (incident.metadata().drill() ? " (a rehearsal, not a real incident)" : ""));
        state.started().ifPresent(s -> out.println("Started " + time(s.at()) + " by " + s.operator()
                + "; plan sha256 " + s.planSha256()));
        out.println(state.events().size() + (state.events().size() == 1 ? " event" : " events"));
        out.println();
        List<AlertState> open = state.openAlerts();
        out.println("Open alerts: " + (open.isEmpty() ? "none" : open.size()));
        for (AlertState alert : open) {
            out.println("  ! " + alert.alertId() + " fired " + time(alert.firedAt())
                    + (alert.value() == null ? "" : " (" + alert.metricId() + " = "
                    + EventDescriber.quantity(alert.value()) + ")")
                    + (alert.firing() ? ", still firing" : ", cleared " + time(alert.clearedAt())
                    + (alert.clearedValue() == null ? "" : " at " + EventDescriber.quantity(alert.clearedValue())))
                    + ", not acknowledged" + (alert.message() == null ? "" : ": " + alert.message()));
        }
        out.println();
        out.println("Phases:");
        for (PhaseState phaseState : state.phases().values()) {
            printPhase(state, plan.phase(phaseState.phaseId()), phaseState, out);
        }
        printOthers(state, out);
        out.println();
        Optional<Event> last = state.lastEvent();
        if (last.isEmpty()) {
            out.println("Last event: none");
        } else {
            Timeline timeline = new Timeline(state);
            TimelineEntry entry = timeline.entries().get(timeline.entries().size() - 1);
            out.println("Last event: " + Timeline.line(entry));
        }
    }

    private static void printPhase(IncidentState state, Optional<Phase> planned, PhaseState phase, PrintWriter out) {
        String label = planned.map(Phase::label).orElse(phase.phaseId() + " (not in the plan)");
        StringBuilder head = new StringBuilder("  ").append(label).append(" [").append(phase.phaseId()).append("]: ")
                .append(planned.isPresent() ? PhaseLifecycle.label(state, phase.phaseId())
                        : phase.status().label());
        if (phase.statusReason() != null && !phase.statusReason().isBlank()) {
            head.append(" — ").append(phase.statusReason());
        }
        if (phase.startedAt() != null) {
            head.append("; started ").append(time(phase.startedAt()));
        }
        if (phase.completedAt() != null) {
            head.append("; completed ").append(time(phase.completedAt()));
        }
        out.println(head);
        if (!phase.confirmedOpenItems().isEmpty()) {
            out.println("    completed with open items: " + String.join("; ", phase.confirmedOpenItems()));
        }
        List<Task> tasks = planned.map(Phase::tasks).orElse(List.of());
        if (!tasks.isEmpty()) {
            long ticked = tasks.stream().filter(t -> phase.isTicked(t.id())).count();
            out.println("    tasks " + ticked + "/" + tasks.size() + " ticked:");
            for (Task task : tasks) {
                out.println("      [" + (phase.isTicked(task.id()) ? "x" : " ") + "] " + task.text());
            }
        }
        for (String extra : phase.tickedTasks()) {
            if (tasks.stream().noneMatch(t -> extra.equals(t.id()))) {
                out.println("      [x] " + extra + " (not in the plan)");
            }
        }
        phase.gateOverrides().forEach(o -> out.println("    gate overridden: " + o.gate() + " — " + o.reason()
                + " (" + o.operator() + ", " + time(o.at()) + ")"));
        if (!phase.audits().isEmpty()) {
            PhaseState.AuditRecord audit = phase.audits().get(phase.audits().size() - 1);
            out.println("    audit: " + (audit.passed() ? "passed" : "FAILED") + " (" + time(audit.at()) + ")");
        }
        List<TestRecord> results = state.testsOf(phase.phaseId());
        List<TestSuite> suites = state.plan().testSuitesOf(phase.phaseId());
        int tests = suites.stream().mapToInt(s -> s.checks().size() + s.cases().size()).sum();
        if (tests > 0 || !results.isEmpty()) {
            out.println("    tests " + results.size() + "/" + tests + " with a result:");
            for (TestSuite suite : suites) {
                for (CheckItem check : suite.checks()) {
                    printTest(state, phase.phaseId(), suite.id(), check.id(), check.text(), out);
                }
                for (TestCase testCase : suite.cases()) {
                    printTest(state, phase.phaseId(), suite.id(), testCase.id(), testCase.name(), out);
                }
            }
        }
    }

    private static void printTest(IncidentState state, String phaseId, String suiteId, String testId, String name,
                                  PrintWriter out) {
        Optional<TestRecord> record = state.testsOf(phaseId).stream()
                .filter(r -> r.key().suiteId().equals(suiteId) && r.key().testId().equals(testId)).findFirst();
        if (record.isEmpty()) {
            out.println("      " + pad("-") + name);
            return;
        }
        TestResult latest = record.get().latest();
        out.println("      " + pad(latest.outcome().name()) + name
                + (latest.note() == null || latest.note().isBlank() ? "" : " — " + latest.note())
                + (record.get().history().size() > 1 ? " (" + record.get().history().size() + " results)" : ""));
    }

    private static void printOthers(IncidentState state, PrintWriter out) {
        if (!state.parameters().isEmpty()) {
            out.println();
            out.println("Parameters:");
            state.parameters().values().forEach(p -> out.println("  " + p.name() + " = " + p.value()));
        }
        if (!state.decisions().isEmpty()) {
            out.println();
            out.println("Decisions:");
            state.decisions().forEach(d -> out.println("  " + d.treeId() + " → "
                    + (d.outcomeId() == null ? "(no outcome)" : d.outcomeId()) + " (" + d.operator() + ", "
                    + time(d.at()) + ")"));
        }
        if (!state.rollbacks().isEmpty()) {
            out.println();
            out.println("Rollbacks:");
            state.rollbacks().forEach(r -> out.println("  " + r.runbookId()
                    + (r.procedureId() == null ? "" : "/" + r.procedureId()) + ": "
                    + (r.running() ? "RUNNING" : Boolean.TRUE.equals(r.succeeded()) ? "succeeded" : "FAILED")));
        }
        if (!state.signOffs().isEmpty()) {
            out.println();
            out.println("Sign-offs:");
            state.signOffs().forEach(s -> out.println("  " + s.approvalId() + " by " + s.operator() + " ("
                    + time(s.at()) + ")"));
        }
    }

    private static String pad(String outcome) {
        return String.format("%-8s", outcome);
    }

    private static String time(Instant at) {
        return at == null ? "?" : TIME.format(at);
    }
}
