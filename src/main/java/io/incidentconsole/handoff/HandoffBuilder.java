package io.incidentconsole.handoff;

import io.incidentconsole.board.PhaseGates;
import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventDescriber;
import io.incidentconsole.incident.IncidentHolder;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.AlertState;
import io.incidentconsole.incident.CommandAction;
import io.incidentconsole.incident.CommandRecord;
import io.incidentconsole.incident.ParameterValue;
import io.incidentconsole.incident.RollbackRecord;
import io.incidentconsole.incident.PhaseState;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.CheckItem;
import io.incidentconsole.plan.DecisionTree;
import io.incidentconsole.plan.GuidedStep;
import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.Runbook;
import io.incidentconsole.plan.TestCase;
import io.incidentconsole.plan.TestSuite;
import io.incidentconsole.report.CadenceClock;
import io.incidentconsole.rollback.StepProgress;
import io.incidentconsole.rollback.StepState;
import io.incidentconsole.rollback.StepStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the handoff summary from the incident's state, the plan and the clock (for the next update due and
 * the waits). Reads only: building a summary records nothing.
 */
public final class HandoffBuilder {

    /** How many not-run tests are named per phase before the rest is counted. */
    static final int NOT_RUN_NAMED = 5;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Clock clock;

    public HandoffBuilder(Clock clock) {
        this.clock = clock;
    }

    public HandoffSummary build(IncidentState state, String incidentId, String preparedBy) {
        Plan plan = state.plan();
        Optional<IncidentHolder> holder = IncidentHolder.of(state);
        List<HandoffSummary.PhaseLine> inProgress = new ArrayList<>();
        List<String> gatesPending = new ArrayList<>();
        List<String> gatesOverridden = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        int waitingLater = 0;
        for (Phase phase : plan.phases()) {
            PhaseStanding standing = PhaseStanding.of(plan, state, phase.id());
            PhaseState phaseState = state.phase(phase.id());
            if (standing.underWay()) {
                inProgress.add(new HandoffSummary.PhaseLine(phase.label(), standing.words(), phaseState.startedAt(),
                        currentStep(phase, phaseState)));
                tests(plan, state, phase, failing, notRun);
                if (phase.audit() != null && phaseState.audits().stream().noneMatch(PhaseState.AuditRecord::passed)) {
                    gatesPending.add(phase.label() + ": audit gate not passed yet"
                            + (phaseState.audits().isEmpty() ? "" : " (last check failed)"));
                }
            }
            if (standing.gatePending() != null && !standing.gatePending().isBlank()) {
                if (nextUp(plan, state, phase)) {
                    gatesPending.add(phase.label() + ": " + standing.gatePending());
                } else {
                    waitingLater++;
                }
            }
            for (PhaseState.GateOverride override : phaseState.gateOverrides()) {
                gatesOverridden.add(phase.label() + ": " + override.gate() + " gate overridden by "
                        + override.operator() + " at " + time(override.at()) + " — " + override.reason());
            }
        }
        if (waitingLater > 0) {
            gatesPending.add("and " + waitingLater + " later phase" + (waitingLater == 1 ? "" : "s")
                    + " waiting on phases not started yet");
        }
        Optional<CadenceClock.Due> due = new CadenceClock(clock).next(state);
        return new HandoffSummary(incidentId, plan.plan().title(),
                holder.map(IncidentHolder::operator).orElse(null), holder.map(IncidentHolder::since).orElse(null),
                preparedBy, clock.instant(), inProgress, gatesPending, gatesOverridden, openDecisions(plan, state),
                failing, notRun, alerts(plan, state), parameters(state), scripts(plan, state), lastEvents(state),
                due.map(this::nextUpdate).orElse(null), null);
    }

    /**
     * A gate the reader must know about now: every phase holding it is under way (the gate opens when they end).
     * Gates further down the plan are only counted, or the list would be the whole plan.
     */
    private static boolean nextUp(Plan plan, IncidentState state, Phase phase) {
        return PhaseGates.incompleteDependencies(plan, state, phase.id()).stream()
                .allMatch(dependency -> PhaseStanding.of(plan, state, dependency.id()).underWay());
    }

    /** The first guided step not done (with its wait, if one runs), else what is left to tick. */
    private String currentStep(Phase phase, PhaseState state) {
        List<GuidedStep> steps = phase.guidedSteps();
        for (int i = 0; i < steps.size(); i++) {
            GuidedStep step = steps.get(i);
            if (step.id() != null && !state.guidedStepsDone().contains(step.id())) {
                String at = "at guided step " + (i + 1) + " of " + steps.size() + ": " + step.title();
                PhaseState.Wait wait = state.waits().get(step.id());
                if (wait != null && wait.cutShortAt() == null) {
                    Duration left = Duration.between(clock.instant(), wait.endsAt());
                    at += left.isNegative() ? " (wait over since " + time(wait.endsAt()) + ")"
                            : " (waiting until " + time(wait.endsAt()) + ", " + span(left) + " left)";
                }
                return at;
            }
        }
        long openTasks = phase.tasks().stream().filter(t -> t.id() != null && !state.isTicked(t.id())).count();
        String tasks = phase.tasks().isEmpty() ? "no tasks in the plan"
                : openTasks + " of " + phase.tasks().size() + " tasks open";
        return steps.isEmpty() ? tasks : "all guided steps done; " + tasks;
    }

    private static void tests(Plan plan, IncidentState state, Phase phase, List<String> failing, List<String> notRun) {
        List<String> missing = new ArrayList<>();
        for (TestSuite suite : plan.testSuitesOf(phase.id())) {
            Map<String, String> items = new LinkedHashMap<>();
            suite.checks().stream().filter(c -> c.id() != null).forEach(c -> items.put(c.id(), c.text()));
            suite.cases().stream().filter(c -> c.id() != null).forEach(c -> items.put(c.id(), c.name()));
            items.forEach((id, text) -> {
                Optional<TestOutcome> outcome = state.latestOutcome(phase.id(), suite.id(), id);
                if (outcome.isEmpty()) {
                    missing.add(text);
                } else if (outcome.get() == TestOutcome.FAIL || outcome.get() == TestOutcome.BLOCKED) {
                    failing.add(phase.label() + ": " + text + " — " + outcome.get().name().toLowerCase(Locale.ROOT)
                            + note(state, phase.id(), suite.id(), id));
                }
            });
        }
        if (!missing.isEmpty()) {
            List<String> named = missing.subList(0, Math.min(NOT_RUN_NAMED, missing.size()));
            notRun.add(phase.label() + ": " + missing.size() + " not run — " + String.join("; ", named)
                    + (missing.size() > named.size() ? "; …" : ""));
        }
    }

    private static String note(IncidentState state, String phaseId, String suiteId, String testId) {
        return state.testsOf(phaseId).stream()
                .filter(r -> r.key().suiteId().equals(suiteId) && r.key().testId().equals(testId))
                .findFirst().map(r -> r.latest())
                .map(r -> " (" + r.operator() + ", " + time(r.at()) + (blank(r.note()) ? "" : ": " + r.note()) + ")")
                .orElse("");
    }

    /** Decision trees not decided yet whose phase is not complete. */
    private static List<String> openDecisions(Plan plan, IncidentState state) {
        List<String> open = new ArrayList<>();
        for (DecisionTree tree : plan.decisions()) {
            boolean phaseDone = tree.phase() != null && state.phases().containsKey(tree.phase())
                    && state.isComplete(tree.phase());
            if (state.decision(tree.id()).isEmpty() && !phaseDone) {
                open.add(tree.title() + (tree.phase() == null ? "" : " (" + plan.phase(tree.phase())
                        .map(Phase::label).orElse(tree.phase()) + ")"));
            }
        }
        return open;
    }

    private static List<String> alerts(Plan plan, IncidentState state) {
        List<String> lines = new ArrayList<>();
        for (AlertState alert : state.openAlerts()) {
            Optional<Metric> metric = alert.metricId() == null ? Optional.empty()
                    : plan.metrics().stream().filter(m -> m.id().equals(alert.metricId())).findFirst();
            StringBuilder line = new StringBuilder(alert.alertId());
            if (alert.value() != null) {
                String unit = metric.map(Metric::unit).orElse(null);
                line.append(": ").append(metric.map(Metric::name).orElse(alert.metricId())).append(" = ")
                        .append(number(alert.value(), unit));
                metric.map(Metric::target).ifPresent(t -> line.append(" (target ").append(number(t, unit))
                        .append(metric.get().baseline() == null ? "" : ", baseline "
                                + number(metric.get().baseline(), unit)).append(")"));
            }
            if (!blank(alert.message())) {
                line.append(" — ").append(alert.message());
            }
            line.append("; fired ").append(time(alert.firedAt()))
                    .append(alert.timesFired() > 1 ? " (" + alert.timesFired() + " times)" : "");
            lines.add(line.toString());
        }
        return lines;
    }

    private static List<String> parameters(IncidentState state) {
        List<String> lines = new ArrayList<>();
        for (ParameterValue value : state.parameters().values()) {
            lines.add(value.name() + " = " + value.value() + " (recorded"
                    + (blank(value.sourceStep()) ? "" : " at " + value.sourceStep())
                    + (value.operator() == null ? "" : " by " + value.operator()) + ", " + time(value.at()) + ")");
        }
        return lines;
    }

    /** Scripts generated (with how their runs ended), rollbacks, and step-by-step runs with where they stand. */
    private static List<String> scripts(Plan plan, IncidentState state) {
        List<String> lines = new ArrayList<>();
        Map<String, CommandRecord> generated = new LinkedHashMap<>();
        Map<String, List<CommandRecord>> runs = new LinkedHashMap<>();
        for (CommandRecord record : state.commands()) {
            if (record.action() == CommandAction.GENERATED) {
                generated.put(record.scriptSha256(), record);
            } else if (record.action() == CommandAction.RUN) {
                runs.computeIfAbsent(record.scriptSha256(), k -> new ArrayList<>()).add(record);
            }
        }
        for (CommandRecord script : generated.values()) {
            List<CommandRecord> ran = runs.getOrDefault(script.scriptSha256(), List.of());
            lines.add("Script " + script.source() + " (sha256 " + script.scriptSha256().substring(0,
                    Math.min(12, script.scriptSha256().length())) + ") generated by " + script.operator() + " at "
                    + time(script.at()) + ": " + (ran.isEmpty() ? "not run"
                    : "run " + ran.size() + "×, last exit code " + ran.get(ran.size() - 1).exitCode() + " at "
                    + time(ran.get(ran.size() - 1).at())));
        }
        for (RollbackRecord rollback : state.rollbacks()) {
            lines.add("Rollback " + (rollback.procedureId() == null ? rollback.runbookId() : rollback.procedureId())
                    + (rollback.startedAt() == null ? "" : " started " + time(rollback.startedAt())
                    + (rollback.startedBy() == null ? "" : " by " + rollback.startedBy()))
                    + (rollback.running() ? ": STILL RUNNING" : ": " + (Boolean.TRUE.equals(rollback.succeeded())
                    ? "succeeded" : "FAILED") + " at " + time(rollback.finishedAt())
                    + (blank(rollback.finishNote()) ? "" : " — " + rollback.finishNote())));
        }
        for (Runbook runbook : plan.runbooks()) {
            for (Procedure procedure : runbook.procedures()) {
                StepProgress progress = StepProgress.of(procedure.id(), state.events(), state::isUndone);
                if (progress.started()) {
                    lines.add(stepRun(procedure, progress));
                }
            }
        }
        return lines;
    }

    private static String stepRun(Procedure procedure, StepProgress progress) {
        List<String> steps = new ArrayList<>();
        int number = 0;
        String next = null;
        for (int i = 0; i < procedure.steps().size(); i++) {
            if (procedure.steps().get(i).alternative()) {
                continue;
            }
            number++;
            String id = procedure.steps().get(i).id() != null ? procedure.steps().get(i).id()
                    : procedure.id() + ".step-" + (i + 1);
            StepState step = progress.state(id);
            steps.add(number + " " + step.status().words() + (step.exitCode() != null && step.exitCode() != 0
                    ? " (exit " + step.exitCode() + ")" : ""));
            if (next == null && !step.status().done()) {
                next = "step " + number;
            }
        }
        String state = progress.aborted() ? "aborted" + (blank(progress.abortReason()) ? "" : " (" + progress.abortReason()
                + ")") : next == null ? "complete" : "next: " + next;
        return "Step by step " + procedure.id() + " (run " + progress.runId() + "): " + String.join(", ", steps)
                + " — " + state;
    }

    private static List<String> lastEvents(IncidentState state) {
        List<Event> events = state.events();
        EventDescriber describer = new EventDescriber(state.plan(), events);
        List<String> lines = new ArrayList<>();
        for (int i = Math.max(0, events.size() - HandoffSummary.LAST_EVENTS); i < events.size(); i++) {
            Event event = events.get(i);
            lines.add(time(event.at()) + " " + event.operator() + ": " + describer.describe(event.payload())
                    + (state.isUndone(event.id()) ? " (undone)" : ""));
        }
        return lines;
    }

    private String nextUpdate(CadenceClock.Due due) {
        Instant now = clock.instant();
        String who = due.cadence().title() != null ? due.cadence().title()
                : due.cadence().audience() != null ? due.cadence().audience() : due.cadence().id();
        Duration left = due.remaining(now);
        return who + (due.cadence().audience() == null || who.equals(due.cadence().audience()) ? ""
                : " (" + due.cadence().audience() + ")") + ": due " + time(due.dueAt())
                + (due.overdue(now) ? ", OVERDUE by " + span(left.negated()) : ", in " + span(left))
                + (blank(due.because()) ? "" : " — " + due.because());
    }

    static String time(Instant at) {
        return at == null ? "?" : CLOCK.format(at);
    }

    static String span(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        return minutes >= 120 ? minutes / 60 + " h " + minutes % 60 + " min" : minutes + " min";
    }

    /** A value with its unit, in the console's one quantity format ("2.8M calls/day", "2.5 %"). */
    static String number(double value, String unit) {
        String text = io.incidentconsole.plan.QuantityFormat.compact(value);
        return unit == null || unit.isBlank() ? text : text + " " + unit;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
