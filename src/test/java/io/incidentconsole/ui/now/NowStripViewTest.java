package io.incidentconsole.ui.now;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.report.CadenceClock;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.common.Theme;
import io.incidentconsole.ui.incident.IncidentSession;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "now" strip follows every event; an event that leaves its parts as they are leaves its links alone, and a part
 * whose text changes keeps its link (new links with their tooltips on every event were a tick's cost, issue 22).
 */
@ExtendWith(ApplicationExtension.class)
class NowStripViewTest {

    @TempDir
    static Path data;

    private IncidentSession session;
    private final List<NowStripViewModel.Part> opened = new ArrayList<>();

    @Start
    void start(Stage stage) {
        PlanLoader loader = new PlanLoader();
        Incident incident = new IncidentStore(data).create(loader.loadBundledSeed().plan(), "bundled",
                loader.bundledSeedText(), "ana");
        session = new IncidentSession(BackgroundTasks.direct());
        session.attach(incident);
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T03:00:00Z"), ZoneOffset.UTC);
        NowStripView view = new NowStripView(new NowStripViewModel(session, new CadenceClock(clock), opened::add));
        Scene scene = new Scene(new StackPane(view.root()), 1200, 200);
        Theme.DARK.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(session::close).get();
    }

    private void record(EventPayload payload) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> session.record(payload)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static EventPayload fail(String check) {
        return new EventPayload.TestResultSet("t330-p1", check, null, TestOutcome.FAIL, "still 503");
    }

    @Test
    void anEventThatChangesNoPartLeavesTheLinksAlone(FxRobot robot) throws Exception {
        List<Node> before = List.copyOf(robot.lookup("#now-strip").queryAs(FlowPane.class)
                .getChildren());
        assertThat(before).hasSizeGreaterThan(1);

        record(new EventPayload.NoteAdded(null, "bridge call started"));

        assertThat(robot.lookup("#now-strip").queryAs(FlowPane.class).getChildren())
                .as("the same nodes").containsExactlyElementsOf(before);
    }

    @Test
    void aPartWhoseTextChangesKeepsItsLinkAndOpensAsItReadsNow(FxRobot robot) throws Exception {
        record(fail("t330-p1.check-1"));
        Hyperlink failing = robot.lookup("#now-failing").queryAs(Hyperlink.class);
        assertThat(failing.getText()).isEqualTo("1 test failing");

        record(fail("t330-p1.check-2"));

        Hyperlink now = robot.lookup("#now-failing").queryAs(Hyperlink.class);
        assertThat(now).as("the same link").isSameAs(failing);
        assertThat(now.getText()).isEqualTo("2 tests failing");
        assertThat(now.getTooltip().getText()).contains("Platform comes back online",
                "getMembersForAllOrganizations returns correct data");
        assertThat(now.getPseudoClassStates()).extracting(Object::toString).contains("failing");

        WaitForAsyncUtils.asyncFx(now::fire).get();
        assertThat(opened).extracting(NowStripViewModel.Part::text).containsExactly("2 tests failing");
    }

    @Test
    void aNewPartRebuildsTheStripInPlanOrder(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#now-failing").tryQuery()).isEmpty();

        record(fail("t330-p1.check-1"));

        assertThat(robot.lookup("#now-failing").queryAs(Hyperlink.class).isVisible()).isTrue();
        List<String> ids = robot.lookup("#now-strip").queryAs(FlowPane.class).getChildren()
                .stream().map(Node::getId).filter(id -> id != null && id.startsWith("now-")).toList();
        assertThat(ids).startsWith("now-running", "now-failing");
    }
}
