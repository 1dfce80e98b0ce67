package io.incidentconsole.ui.board;

import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.common.Theme;
import io.incidentconsole.ui.incident.IncidentSession;
import io.incidentconsole.ui.team.TeamSession;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentStore;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.settings.Settings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A card's Start and Complete are enabled only where the phase lifecycle allows them. */
@ExtendWith(ApplicationExtension.class)
class PhaseCardActionsTest {

    @TempDir
    static Path data;

    private IncidentSession session;

    @Start
    void start(Stage stage) {
        PlanLoader loader = new PlanLoader();
        Plan plan = loader.loadBundledSeed().plan();
        Incident incident = new IncidentStore(data).create(plan, "bundled", loader.bundledSeedText(), "ana");
        session = new IncidentSession(BackgroundTasks.direct());
        session.attach(incident);
        PhaseBoardView view = new PhaseBoardView(new PhaseBoardViewModel(session,
                new SimpleObjectProperty<>(incident.plan()), new Settings(data.resolve("settings.properties"))),
                session, new TeamSession(session, BackgroundTasks.direct()));
        Scene scene = new Scene((javafx.scene.Parent) view.root(), 1200, 800);
        Theme.DARK.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        view.activate();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(session::close).get();
    }

    private void record(EventPayload... payloads) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> List.of(payloads).forEach(session::record)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Button button(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Button.class);
    }

    private static void assertEnabled(FxRobot robot, boolean start, boolean complete) {
        assertThat(button(robot, "start-p330-1").isDisabled()).as("Start disabled").isEqualTo(!start);
        assertThat(button(robot, "complete-p330-1").isDisabled()).as("Complete disabled").isEqualTo(!complete);
    }

    @Test
    void eachActionIsEnabledOnlyWhereTheLifecycleAllowsIt(FxRobot robot) throws Exception {
        assertThat(session.stateProperty().get().phase("p330-1").status()).isEqualTo(PhaseStatus.PENDING);
        assertEnabled(robot, true, false);
        assertThat(button(robot, "start-p330-1").getText()).as("its approval holds it").isEqualTo("Start anyway…");

        // Overridden but not yet started: the start is still to be asked for.
        record(new EventPayload.GateOverridden("p330-1", "approval", "lead approved on the bridge"));
        assertEnabled(robot, true, false);

        record(new EventPayload.PhaseStarted("p330-1"));
        assertEnabled(robot, false, true);

        record(new EventPayload.PhaseStatusChanged("p330-1", PhaseStatus.EVAL, "watching the numbers"));
        assertEnabled(robot, true, false);

        record(new EventPayload.GateOverridden("p330-1", "approval", "still approved"),
                new EventPayload.PhaseStarted("p330-1"));
        assertEnabled(robot, false, true);
        record(new EventPayload.GateOverridden("p330-1", "verification", "verified on the bridge"),
                new EventPayload.PhaseCompleted("p330-1", List.of()));
        assertThat(session.stateProperty().get().phase("p330-1").status()).isEqualTo(PhaseStatus.COMPLETE);
        assertEnabled(robot, false, false);

        record(new EventPayload.RollbackStarted("rb330", "rb330-phase1", "names blank again", "p330-1"));
        assertEnabled(robot, false, false);

        record(new EventPayload.RollbackFinished("rb330", "rb330-phase1", true, "reverted", "p330-1"));
        assertThat(session.stateProperty().get().phase("p330-1").status()).isEqualTo(PhaseStatus.ROLLED_BACK);
        assertEnabled(robot, true, false);
    }
}
