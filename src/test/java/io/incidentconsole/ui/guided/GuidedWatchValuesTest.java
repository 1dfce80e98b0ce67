package io.incidentconsole.ui.guided;

import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.common.Theme;
import io.incidentconsole.ui.fixture.ControlledReadings;
import io.incidentconsole.ui.incident.IncidentSession;

import io.incidentconsole.guided.WaitClock;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentStore;
import io.incidentconsole.incident.PhaseLifecycle;
import io.incidentconsole.metrics.Freshness;
import io.incidentconsole.plan.GuidedStep;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** #330 Phase 1's deploy step watches convex_calls and adapter_calls: their live values stand beside them. */
@ExtendWith(ApplicationExtension.class)
class GuidedWatchValuesTest {

    @TempDir
    static Path data;

    private final ControlledReadings readings = new ControlledReadings();
    private IncidentSession session;

    @Start
    void start(Stage stage) {
        PlanLoader loader = new PlanLoader();
        Plan plan = loader.loadBundledSeed().plan();
        Incident incident = new IncidentStore(data).create(plan, "bundled", loader.bundledSeedText(), "ana");
        session = new IncidentSession(BackgroundTasks.direct());
        session.attach(incident);
        session.record(new EventPayload.GateOverridden("p330-1", "approval", "lead approved on the bridge"));
        session.record(new EventPayload.PhaseStarted("p330-1"));
        List<GuidedStep> steps = plan.phase("p330-1").orElseThrow().guidedSteps();
        for (GuidedStep step : steps.subList(0, steps.size() - 1)) {
            session.record(PhaseLifecycle.stepDone(plan, "p330-1", step.id()));
        }
        GuidedViewModel model = new GuidedViewModel(session, new SimpleObjectProperty<>(incident.plan()),
                new WaitClock(Clock.systemUTC()), phaseId -> { }, readings);
        GuidedView view = new GuidedView(model);
        Scene scene = new Scene((javafx.scene.Parent) view.root(), 1200, 800);
        Theme.DARK.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        view.activate();
        model.open("p330-1");
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(session::close).get();
    }

    private static Label value(FxRobot robot, String metricId) {
        return robot.lookup("#guided-watch-value-" + metricId).queryAs(Label.class);
    }

    @Test
    void watchedMetricsShowTheirLiveValueChangeAndStaleness(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#guided-step-title").tryQuery()).isPresent();
        assertThat(value(robot, "convex_calls").getText()).isEqualTo("no value yet");

        WaitForAsyncUtils.asyncFx(() -> readings.set("convex_calls", 2_720_000, Freshness.State.LIVE)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(value(robot, "convex_calls").getText())
                .isEqualTo("now 2.72M calls/day (\u221215% vs baseline) at 10:42:05 UTC");
        assertThat(value(robot, "convex_calls").getPseudoClassStates()).extracting(Object::toString)
                .doesNotContain("stale");

        WaitForAsyncUtils.asyncFx(() -> readings.set("convex_calls", 2_720_000, Freshness.State.STALE)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(value(robot, "convex_calls").getText()).startsWith("STALE — last 2.72M")
                .contains("source simulator stopped");
        assertThat(value(robot, "convex_calls").getPseudoClassStates()).extracting(Object::toString)
                .contains("stale");
        assertThat(value(robot, "adapter_calls").getText()).isEqualTo("no value yet");
    }
}
