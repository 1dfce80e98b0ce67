package io.incidentconsole.handoff;

import io.incidentconsole.board.PhaseGates;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.plan.Plan;

/**
 * Where a phase stands for the handoff: a word for it, whether it is under way (listed as in progress), and
 * whether a gate holds it (with why). The one place that reads the phase lifecycle: when the richer lifecycle
 * (blocked, evaluating, rolling back, rolled back) lands, only {@link #of} changes.
 */
public record PhaseStanding(String words, boolean underWay, String gatePending) {

    public static PhaseStanding of(Plan plan, IncidentState state, String phaseId) {
        return switch (PhaseGates.availability(plan, state, phaseId)) {
            case RUNNING -> new PhaseStanding(state.phase(phaseId).status().label(), true, null);
            case BLOCKED -> new PhaseStanding("blocked", false, PhaseGates.blockedBecause(plan, state, phaseId));
            case OVERRIDDEN -> new PhaseStanding("ready (gate overridden)", false, null);
            case READY -> new PhaseStanding("ready", false, null);
            case DONE -> new PhaseStanding("complete", false, null);
        };
    }
}
