package io.incidentconsole.handoff;

import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.PhaseLifecycle;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a phase stands for the handoff: its lifecycle words ("IN PROGRESS", "COMPLETE (unverified)"), whether it
 * is under way (in progress or being rolled back: listed as in progress), and which gates still hold it (with
 * what each says): the start gates of a phase that waits, the completion gates of one under way.
 */
public record PhaseStanding(String words, boolean underWay, String gatePending) {

    public static PhaseStanding of(Plan plan, IncidentState state, String phaseId) {
        PhaseStatus status = state.phase(phaseId).status();
        String words = PhaseLifecycle.label(state, phaseId);
        boolean underWay = status == PhaseStatus.IN_PROGRESS || status == PhaseStatus.ROLLING_BACK;
        String pending = switch (status) {
            case PENDING -> closed(PhaseLifecycle.startGates(state, phaseId)).stream()
                    .map(PhaseLifecycle.Gate::says).collect(Collectors.joining("; "));
            // What holds the completion is listed in detail elsewhere (failing and not-run tests): name the gates.
            case IN_PROGRESS -> {
                String gates = closed(PhaseLifecycle.completionGates(state, phaseId)).stream()
                        .map(gate -> gate.kind().word()).distinct().collect(Collectors.joining(", "));
                yield gates.isEmpty() ? "" : "completion waits for the " + gates + " gate"
                        + (gates.contains(",") ? "s" : "");
            }
            default -> "";
        };
        return new PhaseStanding(words, underWay, pending.isEmpty() ? null : pending);
    }

    private static List<PhaseLifecycle.Gate> closed(List<PhaseLifecycle.Gate> gates) {
        return gates.stream().filter(gate -> !gate.open() && !gate.overridden()).toList();
    }
}
