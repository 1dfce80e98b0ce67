package io.incidentconsole.board;

import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.StartRecord;
import io.incidentconsole.incident.PhaseState;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;

import java.time.Instant;
import java.util.List;

/**
 * Each phase's planned window beside what happened. The plan gives windows relative to the start of the incident
 * ("Day 3–4"); once an incident has started they become dates.
 */
public final class PhaseSchedule {

    private PhaseSchedule() {
    }

    /** Planned times are null when the plan gives no window; actual times are null until they happen. */
    public record Row(Phase phase, PhaseStatus status, Instant plannedStart, Instant plannedEnd, Instant actualStart,
                      Instant actualEnd) {

        /** Not complete although its planned end has passed, or completed after it. */
        public boolean late(Instant now) {
            if (plannedEnd == null) {
                return false;
            }
            return actualEnd == null ? now.isAfter(plannedEnd) : actualEnd.isAfter(plannedEnd);
        }
    }

    public static List<Row> rows(Plan plan, IncidentState state) {
        Instant origin = state.started().map(StartRecord::at).orElse(null);
        return plan.phases().stream().map(phase -> {
            PhaseState ps = state.phase(phase.id());
            Instant start = origin == null || phase.planned() == null ? null : origin.plus(phase.planned().start());
            Instant end = start == null ? null : origin.plus(phase.planned().end());
            return new Row(phase, ps.status(), start, end, ps.startedAt(), ps.completedAt());
        }).toList();
    }
}
