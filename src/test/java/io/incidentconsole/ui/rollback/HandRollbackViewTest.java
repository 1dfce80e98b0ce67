package io.incidentconsole.ui.rollback;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.IncidentStore;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.incident.IncidentSession;
import io.incidentconsole.ui.fixture.Screenshots;
import io.incidentconsole.ui.common.Theme;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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

/**
 * #330 Phase 1 rolled back outside the console: "I ran it by hand…" (with a reason) puts the phase ROLLING BACK,
 * "Rolled back (done by hand)" ROLLED BACK; what the lifecycle refuses is explained and not recorded.
 */
@ExtendWith(ApplicationExtension.class)
class HandRollbackViewTest {

    @TempDir
    static Path data;

    private IncidentSession session;
    private RollbackView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        PlanLoader loader = new PlanLoader();
        Plan plan = loader.loadBundledSeed().plan();
        Incident incident = new IncidentStore(data).create(plan, "bundled", loader.bundledSeedText(), "ana");
        session = new IncidentSession(BackgroundTasks.direct());
        session.attach(incident);
        view = RollbackViews.create(session, new SimpleObjectProperty<>(incident.plan()), BackgroundTasks.direct(),
                new RollbackRequests());
        Scene scene = new Scene((javafx.scene.Parent) view.root(), 1360, 880);
        Theme.DARK.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        view.activate();
        view.model().select("rb330-phase1");
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            view.deactivate();
            session.close();
        }).get();
    }

    private IncidentState state() {
        return session.stateProperty().get();
    }

    private static <T extends javafx.scene.Node> T node(FxRobot robot, String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    private static void fire(FxRobot robot, String query) throws Exception {
        Button button = node(robot, query, Button.class);
        assertThat(button.isDisabled()).as("%s enabled", query).isFalse();
        WaitForAsyncUtils.asyncFx(button::fire).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Event lastEvent() {
        List<Event> events = state().events();
        return events.get(events.size() - 1);
    }

    @Test
    void aRollbackRunByHandTakesThePhaseThroughRollingBackToRolledBack(FxRobot robot) throws Exception {
        assertThat(node(robot, "#hand-rollback-phase", Label.class).getText())
                .contains("#330 Phase 1", "is PENDING", "nothing of it was done yet to roll back");
        assertThat(node(robot, "#hand-rollback-start", Button.class).isDisabled()).isTrue();
        assertThat(node(robot, "#hand-rollback-finish", Button.class).isDisabled()).isTrue();

        WaitForAsyncUtils.asyncFx(() -> {
            session.record(new EventPayload.GateOverridden("p330-1", "approval", "lead approved on the bridge"));
            session.record(new EventPayload.PhaseStarted("p330-1"));
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node(robot, "#hand-rollback-phase", Label.class).getText()).endsWith("is IN PROGRESS");
        assertThat(node(robot, "#hand-rollback-finish", Button.class).isDisabled())
                .as("nothing is rolling back yet").isTrue();

        fire(robot, "#hand-rollback-start");
        fire(robot, "#hand-rollback-record");
        assertThat(node(robot, "#hand-rollback-problem", Label.class).getText()).contains("reason is recorded");
        assertThat(state().phase("p330-1").status()).isEqualTo(PhaseStatus.IN_PROGRESS);

        TextField reason = node(robot, "#hand-rollback-reason", TextField.class);
        WaitForAsyncUtils.asyncFx(reason::requestFocus).get();
        robot.write("git revert of the deploy, run from my laptop");
        fire(robot, "#hand-rollback-record");

        assertThat(state().phase("p330-1").status()).isEqualTo(PhaseStatus.ROLLING_BACK);
        assertThat(lastEvent().payload()).isEqualTo(new EventPayload.RollbackStarted("rb330", "rb330-phase1",
                "git revert of the deploy, run from my laptop", "p330-1"));
        assertThat(node(robot, "#hand-rollback-start", Button.class).isDisabled()).isTrue();
        assertThat(reason.getParent().isVisible()).as("the reason panel closes").isFalse();

        fire(robot, "#hand-rollback-finish");

        assertThat(state().phase("p330-1").status()).isEqualTo(PhaseStatus.ROLLED_BACK);
        assertThat(lastEvent().payload()).isEqualTo(new EventPayload.RollbackFinished("rb330", "rb330-phase1",
                true, "done by hand", "p330-1"));
        assertThat(node(robot, "#hand-rollback-phase", Label.class).getText()).contains("is ROLLED BACK");
        assertThat(node(robot, "#hand-rollback-finish", Button.class).isDisabled()).isTrue();
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), "rollback-by-hand")).get();
    }

    @Test
    void aMoveTheLifecycleRefusesIsExplainedAndNotRecorded(FxRobot robot) throws Exception {
        HandRollbackViewModel model = new HandRollbackViewModel(session, view.model().selectedProperty());
        int before = state().events().size();

        boolean recorded = WaitForAsyncUtils.asyncFx(model::finishByHand).get();

        assertThat(recorded).isFalse();
        assertThat(model.problemProperty().get()).startsWith("Not recorded: cannot rolled-back phase")
                .contains("is PENDING", "start its rollback first");
        assertThat(state().events()).hasSize(before);
    }
}
