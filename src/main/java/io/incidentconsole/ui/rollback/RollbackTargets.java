package io.incidentconsole.ui.rollback;

import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.rollback.RollbackTarget;
import io.incidentconsole.testing.TestProgress;
import io.incidentconsole.testing.TestSheet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which rollback procedures the area lists, which it offers first, and which stand out as at risk. */
final class RollbackTargets {

    private RollbackTargets() {
    }

    /** Every procedure of every runbook of the plan, in plan order. */
    static List<RollbackTarget> all(Plan plan) {
        List<RollbackTarget> all = new ArrayList<>();
        if (plan != null) {
            plan.runbooks().forEach(rb -> rb.procedures().forEach(p -> all.add(new RollbackTarget(rb, p))));
        }
        return all;
    }

    /** The procedures for the phases in progress ({@code state} null: as the plan declares them). */
    static List<RollbackTarget> inProgress(Plan plan, IncidentState state) {
        List<RollbackTarget> found = new ArrayList<>();
        for (Phase phase : plan.phases()) {
            PhaseStatus status = state == null ? phase.status() : state.phase(phase.id()).status();
            if (status == PhaseStatus.IN_PROGRESS) {
                found.addAll(RollbackTarget.forPhase(plan, phase.id()));
            }
        }
        return found;
    }

    /** The procedures that roll back a phase whose success is at risk (a test of it failed). */
    static Set<String> atRisk(Plan plan, IncidentState state) {
        if (plan == null || state == null) {
            return Set.of();
        }
        TestSheet sheet = new TestSheet(plan, state);
        Set<String> ids = new HashSet<>();
        for (Phase phase : plan.phases()) {
            if (TestProgress.ofPhase(sheet, phase.id()).atRisk()) {
                RollbackTarget.forPhase(plan, phase.id()).forEach(t -> ids.add(t.procedure().id()));
            }
        }
        return Set.copyOf(ids);
    }
}
