package io.incidentconsole.report;

import io.incidentconsole.incident.DrillEvents;
import java.util.Comparator;
import io.incidentconsole.drill.DrillDurations;
import io.incidentconsole.drill.Drills;
import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.StartRecord;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.QuantityFormat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The report of a drill (game day): planned against actual per phase and guided step (the time drift), the time
 * from the first alert to the rollback decision, to the script generated and to the script run, the gates
 * overridden, tests skipped, decisions taken, stubbed and real runs, the scenario's events, and, always last, the
 * trend over every drill of the same plan in the data folder, oldest first.
 */
public final class DrillReport {

    /** Section anchors (HTML ids), in order. */
    public static final List<String> SECTIONS = List.of("summary", "phases", "steps", "response", "overrides",
            "skipped", "decisions", "runs", "scenario", "trend");

    private DrillReport() {
    }

    /** {@code trend}: the facts of every drill of this plan (this one among them), in any order. */
    public static ReportDocument document(DrillFacts facts, List<DrillFacts> trend, Instant generatedAt) {
        IncidentState state = facts.state();
        Plan plan = state.plan();
        String title = Drills.prefix(true) + "Drill report: " + ReportFacts.title(state);
        ReportDocument.Builder doc = new ReportDocument.Builder();
        doc.heading(1, "report", title);
        doc.lead(Drills.MARK + ":", "a rehearsal (game day), not a real incident. Nothing here happened in production"
                + (facts.realRuns() > 0 ? " except the runs chosen to run for real (see Runs)." : "."));

        doc.heading(2, "summary", "Summary");
        doc.lead("Drill:", ReportFacts.incidentId(state) + ", started " + ReportFacts.time(
                state.started().map(StartRecord::at).orElse(null)) + " by " + facts.metadata().createdBy());
        doc.lead("Scenario:", facts.drill().scenario().map(s -> s.name()
                + (s.title() == null ? "" : " (" + s.title() + ")")).orElse("none"));
        doc.lead("Clock:", facts.drill().totalAdvanced().isZero() ? "never fast-forwarded"
                : DrillDurations.format(facts.drill().totalAdvanced()) + " fast-forwarded in drill");
        doc.lead("Generated:", ReportFacts.time(generatedAt));

        doc.heading(2, "phases", "Planned vs actual per phase");
        List<List<String>> rows = new ArrayList<>();
        for (DrillFacts.PhaseTime phase : facts.phases()) {
            rows.add(List.of(ReportFacts.phaseLabel(phase.phase()), offset(phase.plannedStart()),
                    offset(phase.actualStart()), DrillDurations.format(phase.plannedDuration()),
                    phase.done() ? DrillDurations.format(phase.actualDuration()) : "not finished",
                    DrillDurations.signed(phase.drift())));
        }
        if (rows.isEmpty()) {
            doc.italic("No phase was started.");
        } else {
            doc.table(List.of("Phase", "Planned start", "Actual start", "Planned", "Actual", "Drift"), rows);
            doc.italic("Times are offsets from the drill's start on the drill clock (fast-forwards count as time "
                    + "passed). Drift: actual minus planned duration.");
        }

        doc.heading(2, "steps", "Planned vs actual per step");
        List<List<String>> steps = new ArrayList<>();
        for (DrillFacts.StepTime step : facts.steps()) {
            steps.add(List.of(ReportFacts.phaseLabel(step.phase()), step.step().title(),
                    DrillDurations.format(step.took()),
                    step.planned() == null ? QuantityFormat.NONE : DrillDurations.format(step.planned()),
                    DrillDurations.signed(step.drift())));
        }
        if (steps.isEmpty()) {
            doc.italic("No guided step was done.");
        } else {
            doc.table(List.of("Phase", "Step", "Took", "Planned", "Drift"), steps);
        }

        doc.heading(2, "response", "Response times");
        DrillFacts.Response response = facts.response();
        if (response.firstAlert() == null) {
            doc.italic("No alert fired.");
        } else {
            doc.table(List.of("From the first alert (" + ReportFacts.time(response.firstAlert()) + ") to", "At",
                            "After"),
                    List.of(responseRow("the rollback decision", response.rollbackDecided(), response.toDecision()),
                            responseRow("the script generated", response.scriptGenerated(), response.toScript()),
                            responseRow("the script run", response.scriptRun(), response.toRun())));
        }

        doc.heading(2, "overrides", "Gates overridden");
        doc.bullets(facts.overrides().stream().map(e -> {
            EventPayload.GateOverridden p = (EventPayload.GateOverridden) e.payload();
            return ReportFacts.phaseLabel(plan, p.phaseId()) + ": " + p.gate() + " gate, by " + e.operator()
                    + " — " + p.reason();
        }).toList(), "No gate was overridden.");

        doc.heading(2, "skipped", "Tests skipped");
        doc.bullets(facts.skippedTests().stream().map(r -> r.key().testId() + (r.latest().note() == null ? ""
                : " — " + r.latest().note())).toList(), "No test was skipped.");

        doc.heading(2, "decisions", "Decisions taken");
        doc.bullets(state.decisions().stream().map(d -> ReportFacts.decision(plan, d) + " (" + d.operator() + ", "
                + ReportFacts.time(d.at()) + ")").toList(), "No decision was taken.");

        doc.heading(2, "runs", "Runs: stubbed and real");
        doc.lead("Through stubs:", facts.stubbedRuns() + (facts.stubbedRuns() == 1 ? " run" : " runs"));
        doc.lead("For real:", facts.realRuns() + (facts.realRuns() == 1 ? " run" : " runs"));
        List<String> choices = new ArrayList<>();
        for (Event event : state.events()) {
            if (event.payload() instanceof DrillEvents.DrillRunModeChosen p) {
                choices.add(ReportFacts.time(event.at()) + " " + event.operator() + (p.real()
                        ? " chose to run for real in this drill" : " went back to the stubs")
                        + (p.reason() == null ? "" : " — " + p.reason()));
            }
        }
        doc.bullets(choices, "Every run went through the stubs (run for real was never chosen).");

        doc.heading(2, "scenario", "Scenario events");
        List<String> played = new ArrayList<>();
        for (Event event : state.events()) {
            if (event.payload() instanceof DrillEvents.ScenarioEventPlayed p) {
                played.add(ReportFacts.time(event.at()) + " #" + p.number() + ": " + p.description());
            } else if (event.payload() instanceof DrillEvents.DrillClockAdvanced p) {
                played.add(ReportFacts.time(event.at()) + " clock " + DrillDurations.format(p.by())
                        + " fast-forwarded in drill" + (p.reason() == null ? "" : " — " + p.reason()));
            }
        }
        doc.bullets(played, "No scenario event was played.");

        trend(doc, facts, trend);
        return doc.build(title);
    }

    private static String offset(Duration duration) {
        return duration == null ? QuantityFormat.NONE : "+" + DrillDurations.format(duration);
    }

    private static List<String> responseRow(String what, Instant at, Duration after) {
        return List.of(what, at == null ? "not reached" : ReportFacts.time(at),
                after == null ? QuantityFormat.NONE : DrillDurations.format(after));
    }

    private static void trend(ReportDocument.Builder doc, DrillFacts self, List<DrillFacts> all) {
        doc.heading(2, "trend", "Trend: every drill of this plan");
        List<DrillFacts> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing((DrillFacts f) -> f.metadata().createdAt())
                .thenComparing(f -> f.metadata().id()));
        List<List<String>> rows = new ArrayList<>();
        for (DrillFacts facts : sorted) {
            long done = facts.phases().stream().filter(DrillFacts.PhaseTime::done).count();
            String id = facts.metadata().id() + (facts.metadata().id().equals(self.metadata().id()) ? " (this)" : "");
            rows.add(List.of(id, ReportFacts.time(facts.metadata().createdAt()),
                    facts.drill().scenario().map(DrillEvents.DrillScenarioAttached::name).orElse(QuantityFormat.NONE),
                    done + " of " + facts.phases().size(),
                    DrillDurations.format(facts.response().toDecision()),
                    DrillDurations.format(facts.response().toRun()),
                    DrillDurations.signed(facts.totalDrift())));
        }
        doc.table(List.of("Drill", "Started", "Scenario", "Phases done", "Alert → decision", "Alert → run",
                "Total drift"), rows);
        doc.italic("Drills of the same plan (same title and plan hash) in this data folder, oldest first: a team sees "
                + "whether it gets faster.");
    }
}
