package io.incidentconsole.ui.board;

import io.incidentconsole.incident.EventPayload;

import io.incidentconsole.settings.Settings;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.common.Theme;
import io.incidentconsole.ui.incident.IncidentSession;
import io.incidentconsole.ui.team.TeamSession;

import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
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
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A tick shows as done only once it is recorded: until the append has returned, the box stays as the journal says. */
@ExtendWith(ApplicationExtension.class)
class PhaseCardRecordingTest {

    @TempDir
    static Path data;

    private final Queue<Runnable> pendingAppends = new ArrayDeque<>();
    private IncidentSession session;

    @Start
    void start(Stage stage) {
        PlanLoader loader = new PlanLoader();
        Plan plan = loader.loadBundledSeed().plan();
        Incident incident = new IncidentStore(data).create(plan, "bundled", loader.bundledSeedText(), "ana");
        // Tasks tick once their phase is started (PhaseLifecycle.taskRefusal).
        incident.record(new EventPayload.SignOffGiven("approve-p330-1", "Lead", null));
        incident.record(new EventPayload.PhaseStarted("p330-1"));
        session = new IncidentSession(new BackgroundTasks(pendingAppends::add, Runnable::run));
        session.attach(incident);
        PhaseBoardView view = new PhaseBoardView(new PhaseBoardViewModel(session, new SimpleObjectProperty<>(incident.plan()),
                new Settings(data.resolve("settings.properties"))),
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
    void theBoxTicksWhenTheEventIsDurableNotWhenItIsPressed(FxRobot robot) throws Exception {
        CheckBox box = robot.lookup("#task-p330-1-task-3").queryAs(CheckBox.class);
        WaitForAsyncUtils.asyncFx(box::requestFocus).get();
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(pendingAppends).hasSize(1);
        assertThat(box.isSelected()).as("not yet recorded").isFalse();
        assertThat(session.stateProperty().get().phase("p330-1").tickedTasks()).isEmpty();

        WaitForAsyncUtils.asyncFx(() -> pendingAppends.poll().run()).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.stateProperty().get().phase("p330-1").tickedTasks()).containsExactly("p330-1.task-3");
        assertThat(box.isSelected()).isTrue();
        assertThat(box.isFocused()).as("focus stays for the next key").isTrue();
    }

    @Test
    void aTickRedrawsWhatItChangedAndKeepsTheStatusTableAndBadges(FxRobot robot) throws Exception {
        Node table = robot.lookup(".outline-table").query();
        Set<Node> badges = Set.copyOf(robot.lookup(".status-badge").queryAll());
        CheckBox box = robot.lookup("#task-p330-1-task-3").queryAs(CheckBox.class);
        WaitForAsyncUtils.asyncFx(box::requestFocus).get();
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> pendingAppends.poll().run()).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(box.isSelected()).isTrue();
        Node tableAfter = robot.lookup(".outline-table").query();
        assertThat(tableAfter).as("the same status table").isSameAs(table);
        assertThat(Set.copyOf(robot.lookup(".status-badge").queryAll())).as("the same badges").isEqualTo(badges);
    }
}
