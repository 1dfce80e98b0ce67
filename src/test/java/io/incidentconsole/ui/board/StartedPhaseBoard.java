package io.incidentconsole.ui.board;

import io.incidentconsole.ui.metrics.LiveReadings;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.settings.Settings;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.common.Theme;
import io.incidentconsole.ui.incident.IncidentSession;
import io.incidentconsole.ui.team.TeamSession;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The phase board of the bundled plan on a new incident whose #330 phase 1 is under way (its approval overridden on
 * the bridge), recorded at once: the set-up of the board tests that tick, confirm and scroll.
 */
final class StartedPhaseBoard {

    final Plan plan;
    final IncidentSession session;
    final PhaseBoardView view;

    StartedPhaseBoard(Path data, LiveReadings readings) {
        this(data, readings, UnaryOperator.identity());
    }

    /** The same board on the bundled plan's text as {@code edit} changes it. */
    StartedPhaseBoard(Path data, LiveReadings readings, UnaryOperator<String> edit) {
        PlanLoader loader = new PlanLoader();
        String text = edit.apply(loader.bundledSeedText());
        plan = loader.load("bundled", text).plan();
        Incident incident = new IncidentStore(data).create(plan, "bundled", text, "ana");
        incident.record(new EventPayload.GateOverridden("p330-1", "approval", "approved on the bridge"));
        incident.record(new EventPayload.PhaseStarted("p330-1"));
        session = new IncidentSession(BackgroundTasks.direct());
        session.attach(incident);
        view = new PhaseBoardView(new PhaseBoardViewModel(session, new SimpleObjectProperty<>(incident.plan()),
                new Settings(data.resolve("settings.properties")), readings), session,
                new TeamSession(session, BackgroundTasks.direct()));
    }

    /**
     * Shows the board alone in a window of this size. The test stage is shared with earlier tests, which may have
     * made it bigger: a test that needs something below the fold needs the window no bigger than asked.
     */
    void show(Stage stage, double width, double height) {
        Scene scene = new Scene((Parent) view.root(), width, height);
        Theme.DARK.applyTo(scene);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
        view.activate();
    }

    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(session::close).get();
    }
}
