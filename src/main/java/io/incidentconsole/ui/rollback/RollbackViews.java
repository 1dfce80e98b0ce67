package io.incidentconsole.ui.rollback;

import io.incidentconsole.plan.Plan;
import io.incidentconsole.rollback.ProcessStepExecutor;
import io.incidentconsole.rollback.RollbackJournalEntries;
import io.incidentconsole.rollback.ScriptFiles;
import io.incidentconsole.rollback.ScriptGenerator;
import io.incidentconsole.rollback.ScriptRunner;
import io.incidentconsole.ui.common.ConsoleDependencies;
import io.incidentconsole.ui.incident.IncidentSession;
import javafx.beans.value.ObservableValue;

/** Builds the rollback area with its real collaborators (one line in the console's wiring). */
public final class RollbackViews {

    private RollbackViews() {
    }

    /** Scripts run in the console's working directory until the operator picks another. */
    public static RollbackView create(IncidentSession session, ObservableValue<Plan> plan, ConsoleDependencies deps,
                                      RollbackRequests requests) {
        JournalRollbackRecorder journal = new JournalRollbackRecorder(session,
                new RollbackJournalEntries(new PhasesOfProcedures(session, plan)), deps.fxThread());
        RollbackViewModel rollback = new RollbackViewModel(session, plan, journal, new ScriptGenerator(),
                new ScriptFiles(), ScriptRunner.withDefaults(), deps.tasks(), deps.fxThread(), deps.clock(),
                deps.workingDirectory(), requests);
        StepRunViewModel steps = new StepRunViewModel(session, rollback, ProcessStepExecutor.withDefaults(),
                deps.tasks(), deps.fxThread(), deps.clock());
        return new RollbackView(rollback, new StepRunView(steps),
                new HandRollbackView(new HandRollbackViewModel(session, rollback.selectedProperty())));
    }
}
