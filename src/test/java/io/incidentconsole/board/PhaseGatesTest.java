package io.incidentconsole.board;

import io.incidentconsole.board.PhaseGates.Availability;
import io.incidentconsole.board.PhaseGates.OpenItem;
import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed's gates: #324 Phase 3 may not start until #330 Phases 1 and 2 are complete. */
class PhaseGatesTest {

    private final Plan plan = new PlanLoader().loadBundledSeed().plan();
    private final List<Event> events = new ArrayList<>();

    private IncidentState after(EventPayload... payloads) {
        for (EventPayload payload : payloads) {
            events.add(new Event("e" + (events.size() + 1), events.size() + 1,
                    Instant.parse("2026-01-29T10:00:00Z").plusSeconds(events.size()), "ana", payload));
        }
        return IncidentState.replay(plan, events);
    }

    @Test
    void codeCleanupIsBlockedUntilBothEmergencyPhasesAreComplete() {
        IncidentState state = after(new EventPayload.IncidentStarted("i1", "plan", "sha"));
        assertThat(PhaseGates.availability(plan, state, "p324-3")).isEqualTo(Availability.BLOCKED);
        assertThat(PhaseGates.incompleteDependencies(plan, state, "p324-3")).extracting(Phase::id)
                .containsExactly("p330-1", "p330-2");
        assertThat(PhaseGates.blockedBecause(plan, state, "p324-3"))
                .isEqualTo("Waiting for: dependencies gate: #330 1: Emergency N+1 Fixes is PENDING, not complete; "
                        + "dependencies gate: #330 2: Package Updates is PENDING, not complete");
        assertThat(PhaseGates.availability(plan, state, "p330-1")).as("its approval is not signed")
                .isEqualTo(Availability.BLOCKED);
        assertThat(PhaseGates.blockedBecause(plan, state, "p330-1"))
                .isEqualTo("Waiting for: approval gate: \"Approval to begin #330 Phase 1\" is not signed off");
        state = after(new EventPayload.SignOffGiven("approve-p330-1", "Lead", null));
        assertThat(PhaseGates.availability(plan, state, "p330-1")).isEqualTo(Availability.READY);

        state = after(new EventPayload.PhaseStarted("p330-1"), new EventPayload.PhaseCompleted("p330-1", List.of()));
        assertThat(PhaseGates.incompleteDependencies(plan, state, "p324-3")).extracting(Phase::id)
                .containsExactly("p330-2");
        assertThat(PhaseGates.availability(plan, state, "p330-1")).isEqualTo(Availability.DONE);

        state = after(new EventPayload.PhaseStarted("p330-2"));
        assertThat(PhaseGates.availability(plan, state, "p330-2")).isEqualTo(Availability.RUNNING);
        assertThat(PhaseGates.availability(plan, state, "p324-3")).isEqualTo(Availability.BLOCKED);

        state = after(new EventPayload.PhaseCompleted("p330-2", List.of()));
        assertThat(PhaseGates.availability(plan, state, "p324-3")).isEqualTo(Availability.READY);
        assertThat(PhaseGates.blockedBecause(plan, state, "p324-3")).isEmpty();
    }

    @Test
    void anOverrideWithAReasonLiftsTheGate() {
        IncidentState state = after(new EventPayload.IncidentStarted("i1", "plan", "sha"),
                new EventPayload.GateOverridden("p324-3", PhaseGates.DEPENDENCIES, "CTO approved parallel work"));
        assertThat(PhaseGates.availability(plan, state, "p324-3")).isEqualTo(Availability.OVERRIDDEN);
        assertThat(PhaseGates.dependencyOverride(state, "p324-3")).hasValueSatisfying(o ->
                assertThat(o.reason()).isEqualTo("CTO approved parallel work"));
    }

    @Test
    void openItemsNameUntickedTasksUnpassedTestsAndUnconfirmedCriteria() {
        Phase phase1 = plan.phase("p330-1").orElseThrow();
        IncidentState state = after(new EventPayload.IncidentStarted("i1", "plan", "sha"));
        List<OpenItem> open = PhaseGates.openItems(plan, state, "p330-1");
        assertThat(open).filteredOn(i -> i.kind() == OpenItem.Kind.TASK).hasSize(phase1.tasks().size());
        assertThat(open).filteredOn(i -> i.kind() == OpenItem.Kind.TEST).hasSize(6);
        assertThat(open).filteredOn(i -> i.kind() == OpenItem.Kind.SUCCESS_CRITERION)
                .hasSize(phase1.successCriteria().size());

        String firstTask = phase1.tasks().get(0).id();
        state = after(new EventPayload.TaskTicked("p330-1", firstTask),
                new EventPayload.TestResultSet("t330-p1", "t330-p1.check-1", "p330-1", TestOutcome.PASS, null),
                new EventPayload.TestResultSet("t330-p1", "t330-p1.check-2", "p330-1", TestOutcome.FAIL, "500s"));
        open = PhaseGates.openItems(plan, state, "p330-1");
        assertThat(open).extracting(OpenItem::id).doesNotContain(firstTask, "t330-p1.check-1")
                .contains("t330-p1.check-2");
        assertThat(open).filteredOn(i -> i.kind() == OpenItem.Kind.TASK).hasSize(phase1.tasks().size() - 1);
    }
}
