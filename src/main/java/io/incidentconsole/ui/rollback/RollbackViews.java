package io.incidentconsole.ui.rollback;

import io.incidentconsole.drill.DrillRuns;
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

    /** Scripts run in the console's working directory until the operator picks another; never through stubs. */
    public static RollbackView create(IncidentSession session, ObservableValue<Plan> plan, ConsoleDependencies deps,
                                      RollbackRequests requests) {
        return create(session, plan, deps, requests, DrillRuns.never(ScriptRunner.withDefaults(),
                ProcessStepExecutor.daemonTimer(), deps.clock()));
    }

    /** {@code runs}: a drill's runs go through its stubs (see DrillRuns). */
    public static RollbackView create(IncidentSession session, ObservableValue<Plan> plan, ConsoleDependencies deps,
                                      RollbackRequests requests, DrillRuns runs) {
        JournalRollbackRecorder journal = new JournalRollbackRecorder(session,
                new RollbackJournalEntries(new PhasesOfProcedures(session, plan)), deps.fxThread());
        RollbackViewModel rollback = new RollbackViewModel(session, plan, journal, new ScriptGenerator(),
                new ScriptFiles(), runs, deps.tasks(), deps.fxThread(), deps.clock(),
                deps.workingDirectory(), requests);
        StepRunViewModel steps = new StepRunViewModel(session, rollback, runs.steps(),
                deps.tasks(), deps.fxThread(), deps.clock());
        return new RollbackView(rollback, new StepRunView(steps),
                new HandRollbackView(new HandRollbackViewModel(session, rollback.selectedProperty())));
    }
}
