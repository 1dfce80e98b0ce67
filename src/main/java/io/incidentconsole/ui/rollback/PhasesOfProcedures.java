package io.incidentconsole.ui.rollback;

import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.PhaseLifecycle;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.rollback.RollbackJournalEntries;
import io.incidentconsole.ui.incident.IncidentSession;
import javafx.beans.value.ObservableValue;

import java.util.Optional;

/**
 * The phase a rollback procedure run from the console moves: the first phase the procedure names that the lifecycle
 * lets roll back now (started), or that is rolling back (finished). The run itself is recorded either way.
 */
final class PhasesOfProcedures implements RollbackJournalEntries.Phases {

    private final IncidentSession session;
    private final ObservableValue<Plan> plan;

    PhasesOfProcedures(IncidentSession session, ObservableValue<Plan> plan) {
        this.session = session;
        this.plan = plan;
    }

    @Override
    public String startedFor(String procedureId) {
        return phase(procedureId, PhaseLifecycle.Action.ROLLBACK);
    }

    @Override
    public String finishedFor(String procedureId) {
        return phase(procedureId, PhaseLifecycle.Action.ROLLED_BACK);
    }

    private String phase(String procedureId, PhaseLifecycle.Action action) {
        IncidentState state = session.stateProperty().get();
        Plan current = plan.getValue();
        if (state == null || current == null || state.plan() != current) {
            return null;
        }
        Optional<Procedure> procedure = current.runbooks().stream().flatMap(r -> r.procedures().stream())
                .filter(p -> p.id().equals(procedureId)).findFirst();
        return procedure.flatMap(p -> p.phases().stream()
                        .filter(phaseId -> state.plan().phase(phaseId).isPresent())
                        .filter(phaseId -> PhaseLifecycle.check(state, phaseId, action).isEmpty())
                        .findFirst())
                .orElse(null);
    }
}
