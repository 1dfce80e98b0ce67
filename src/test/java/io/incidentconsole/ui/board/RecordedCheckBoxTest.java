package io.incidentconsole.ui.board;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.settings.Settings;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.common.Theme;
import io.incidentconsole.ui.incident.IncidentSession;
import io.incidentconsole.ui.team.TeamSession;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task's box asks for the tick and shows it once it is recorded: it never ticks itself and springs back (that
 * change drew nothing, and cost a whole-window paint on every tick).
 */
@ExtendWith(ApplicationExtension.class)
class RecordedCheckBoxTest {

    @TempDir
    static Path data;

    private IncidentSession session;

    @Start
    void start(Stage stage) {
        PlanLoader loader = new PlanLoader();
        Incident incident = new IncidentStore(data).create(loader.loadBundledSeed().plan(), "bundled",
                loader.bundledSeedText(), "ana");
        incident.record(new EventPayload.GateOverridden("p330-1", "approval", "lead approved on the bridge"));
        incident.record(new EventPayload.PhaseStarted("p330-1"));
        session = new IncidentSession(BackgroundTasks.direct());
        session.attach(incident);
        PhaseBoardView view = new PhaseBoardView(new PhaseBoardViewModel(session,
                new SimpleObjectProperty<>(incident.plan()), new Settings(data.resolve("settings.properties"))),
                session, new TeamSession(session, BackgroundTasks.direct()));
        Scene scene = new Scene((Parent) view.root(), 1200, 800);
        Theme.DARK.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        view.activate();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(session::close).get();
    }

    @Test
    void aClickAsksAndTheBoxShowsTheRecordedTickOnce(FxRobot robot) throws Exception {
        CheckBox box = robot.lookup("#task-p330-1-task-1").queryAs(CheckBox.class);
        List<Boolean> shown = new ArrayList<>();
        box.selectedProperty().addListener((obs, was, now) -> shown.add(now));

        WaitForAsyncUtils.asyncFx(box::fire).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shown).as("what the box showed").containsExactly(true);
        assertThat(session.stateProperty().get().phase("p330-1").tickedTasks()).contains("p330-1.task-1");

        WaitForAsyncUtils.asyncFx(box::fire).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shown).containsExactly(true, false);
        assertThat(session.stateProperty().get().phase("p330-1").tickedTasks()).doesNotContain("p330-1.task-1");
    }
}
