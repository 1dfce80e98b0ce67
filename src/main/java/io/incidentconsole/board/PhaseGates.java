package io.incidentconsole.board;

import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.PhaseLifecycle;
import io.incidentconsole.incident.PhaseState;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.CheckItem;
import io.incidentconsole.plan.Criterion;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.Task;
import io.incidentconsole.plan.TestCase;
import io.incidentconsole.plan.TestSuite;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What may start and what may finish: a phase is gated by the phases it depends on until they are complete
 * (or the gate is overridden with a reason), and completing it with open tasks, tests or success criteria
 * needs the operator's confirmation.
 */
public final class PhaseGates {

    /** The gate name recorded when an operator starts a phase despite incomplete dependencies. */
    public static final String DEPENDENCIES = "dependencies";

    private PhaseGates() {
    }

    /** Where a phase stands on the board. */
    public enum Availability {
        /** Not started; every dependency complete. */
        READY,
        /** Not started; a dependency is incomplete and the gate was not overridden. */
        BLOCKED,
        /** Not started; a dependency is incomplete but the gate was overridden. */
        OVERRIDDEN,
        RUNNING,
        DONE
    }

    /** The phases this one depends on that are not complete, in plan order. */
    public static List<Phase> incompleteDependencies(Plan plan, IncidentState state, String phaseId) {
        Phase phase = plan.phase(phaseId).orElseThrow(() -> new IllegalArgumentException("no phase " + phaseId));
        List<Phase> blocking = new ArrayList<>();
        for (String dependency : phase.dependsOn()) {
            if (state.phase(dependency).status() != PhaseStatus.COMPLETE) {
                plan.phase(dependency).ifPresent(blocking::add);
            }
        }
        return blocking;
    }

    public static Optional<PhaseState.GateOverride> dependencyOverride(IncidentState state, String phaseId) {
        return state.phase(phaseId).gateOverrides().stream()
                .filter(o -> DEPENDENCIES.equals(o.gate()))
                .reduce((first, second) -> second);
    }

    /** Where the phase stands, by its status and its start gates ({@link PhaseLifecycle#startGates}). */
    public static Availability availability(Plan plan, IncidentState state, String phaseId) {
        PhaseState phase = state.phase(phaseId);
        if (phase.status() == PhaseStatus.COMPLETE) {
            return Availability.DONE;
        }
        if (phase.status() == PhaseStatus.IN_PROGRESS || phase.status() == PhaseStatus.ROLLING_BACK) {
            return Availability.RUNNING;
        }
        List<PhaseLifecycle.Gate> gates = PhaseLifecycle.startGates(state, phaseId);
        if (gates.stream().anyMatch(PhaseLifecycle.Gate::holds)) {
            return Availability.BLOCKED;
        }
        return gates.stream().anyMatch(PhaseLifecycle.Gate::overridden) ? Availability.OVERRIDDEN : Availability.READY;
    }

    /** "Waiting for: dependencies gate: … ; approval gate: …", naming each start gate that holds the phase. */
    public static String blockedBecause(Plan plan, IncidentState state, String phaseId) {
        List<String> holding = PhaseLifecycle.startGates(state, phaseId).stream().filter(PhaseLifecycle.Gate::holds)
                .map(g -> g.kind().word() + " gate: " + g.says()).toList();
        return holding.isEmpty() ? "" : "Waiting for: " + String.join("; ", holding);
    }

    /** An item still open when a phase is completed. */
    public record OpenItem(Kind kind, String id, String text) {
        public enum Kind { TASK, TEST, SUCCESS_CRITERION }

        @Override
        public String toString() {
            return switch (kind) {
                case TASK -> "Task not ticked: ";
                case TEST -> "Test not passed: ";
                case SUCCESS_CRITERION -> "Success criterion not confirmed: ";
            } + text;
        }
    }

    /** Unticked tasks, tests without a pass, unconfirmed success criteria. */
    public static List<OpenItem> openItems(Plan plan, IncidentState state, String phaseId) {
        Phase phase = plan.phase(phaseId).orElseThrow(() -> new IllegalArgumentException("no phase " + phaseId));
        PhaseState phaseState = state.phase(phaseId);
        List<OpenItem> open = new ArrayList<>();
        for (Task task : phase.tasks()) {
            if (!phaseState.isTicked(task.id())) {
                open.add(new OpenItem(OpenItem.Kind.TASK, task.id(), task.text()));
            }
        }
        for (TestSuite suite : plan.testSuitesOf(phaseId)) {
            for (CheckItem check : suite.checks()) {
                if (!passed(state, phaseId, suite.id(), check.id())) {
                    open.add(new OpenItem(OpenItem.Kind.TEST, check.id(), check.text()));
                }
            }
            for (TestCase testCase : suite.cases()) {
                if (!passed(state, phaseId, suite.id(), testCase.id())) {
                    open.add(new OpenItem(OpenItem.Kind.TEST, testCase.id(), testCase.name()));
                }
            }
        }
        for (Criterion criterion : phase.successCriteria()) {
            if (!state.tickedCriteria(phaseId).contains(criterion.id())) {
                open.add(new OpenItem(OpenItem.Kind.SUCCESS_CRITERION, criterion.id(), criterion.text()));
            }
        }
        return open;
    }

    private static boolean passed(IncidentState state, String phaseId, String suiteId, String testId) {
        return state.latestOutcome(phaseId, suiteId, testId).filter(o -> o == TestOutcome.PASS).isPresent();
    }

    static String issues(Phase phase) {
        return String.join(", ", phase.issues().stream().map(i -> "#" + i).toList());
    }
}
