package io.incidentconsole.ui.rollback;

import io.incidentconsole.drill.DrillRuns;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.rollback.ProcessStepExecutor;
import io.incidentconsole.rollback.RollbackJournalEntries;
import io.incidentconsole.rollback.ScriptFiles;
import io.incidentconsole.rollback.ScriptGenerator;
import io.incidentconsole.rollback.ScriptRunner;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.incident.IncidentSession;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;

import java.nio.file.Path;
import java.time.Clock;

/** Builds the rollback area with its real collaborators (one line in the console's wiring). */
public final class RollbackViews {

    private RollbackViews() {
    }

    /** Scripts run in the directory the console was started from until the operator picks another. */
    public static RollbackView create(IncidentSession session, ObservableValue<Plan> plan, BackgroundTasks tasks,
                                      RollbackRequests requests) {
        return create(session, plan, tasks, requests, DrillRuns.never(ScriptRunner.withDefaults(),
                ProcessStepExecutor.daemonTimer(), Clock.systemUTC()));
    }

    /** {@code runs}: a drill's runs go through its stubs (see DrillRuns). */
    public static RollbackView create(IncidentSession session, ObservableValue<Plan> plan, BackgroundTasks tasks,
                                      RollbackRequests requests, DrillRuns runs) {
        JournalRollbackRecorder journal = new JournalRollbackRecorder(session,
                new RollbackJournalEntries(new PhasesOfProcedures(session, plan)), Platform::runLater);
        RollbackViewModel rollback = new RollbackViewModel(session, plan, journal, new ScriptGenerator(),
                new ScriptFiles(), runs, tasks, Platform::runLater, Clock.systemUTC(),
                Path.of(System.getProperty("user.dir")), requests);
        StepRunViewModel steps = new StepRunViewModel(session, rollback, runs.steps(), tasks,
                Platform::runLater, Clock.systemUTC());
        return new RollbackView(rollback, new StepRunView(steps),
                new HandRollbackView(new HandRollbackViewModel(session, rollback.selectedProperty())));
    }
}
