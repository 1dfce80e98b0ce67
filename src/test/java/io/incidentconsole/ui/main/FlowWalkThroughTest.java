package io.incidentconsole.ui.main;

import io.incidentconsole.ui.common.ConsoleArea;
import io.incidentconsole.ui.fixture.ConsoleFixture;
import io.incidentconsole.ui.fixture.Screenshots;

import io.incidentconsole.app.ConsoleApplication.Console;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.PlanLoader;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One operator flow on the bundled plan, in the real window: a start refused without its approval, the sign-off,
 * the start through guided mode, guided steps ticking their tasks, a failed test holding the completion, an
 * override that shows COMPLETE (unverified), a rollback to ROLLED BACK and the re-test. The "now" strip follows.
 */
@ExtendWith(ApplicationExtension.class)
class FlowWalkThroughTest {

    @TempDir
    static Path home;

    private Console console;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = ConsoleFixture.show(stage, home);
    }

    private IncidentState state() {
        return console.model().session().stateProperty().get();
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        T value = WaitForAsyncUtils.asyncFx(action).get();
        WaitForAsyncUtils.waitForFxEvents();
        return value;
    }

    private static void focus(FxRobot robot, String query) throws Exception {
        Node node = robot.lookup(query).query();
        fx(node::requestFocus);
        assertThat(node.isFocused()).as("%s focused", query).isTrue();
    }

    private static void press(FxRobot robot, String query) throws Exception {
        focus(robot, query);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node instanceof Hyperlink link ? link.getText() : ((Label) node).getText();
    }

    private void screenshot(String name) throws Exception {
        int colours = fx(() -> Screenshots.save(stage.getScene(), name));
        assertThat(colours).as("distinct colours in %s", name).isGreaterThan(20);
    }

    /** Scrolls the board so that the card is at the top of the view, for a screenshot. */
    private static void showAtTop(Node card) throws Exception {
        fx(() -> {
            javafx.scene.Parent parent = card.getParent();
            while (!(parent instanceof javafx.scene.control.ScrollPane)) {
                parent = parent.getParent();
            }
            javafx.scene.control.ScrollPane scroller = (javafx.scene.control.ScrollPane) parent;
            double content = scroller.getContent().getBoundsInLocal().getHeight();
            double view = scroller.getViewportBounds().getHeight();
            double y = scroller.getContent().sceneToLocal(card.localToScene(0, 0)).getY();
            scroller.setVvalue(Math.min(1, Math.max(0, (y - 8) / Math.max(1, content - view))));
        });
    }

    private void board(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void refusedStartSignOffGuidedStepsFailedTestOverrideRollbackAndReTest(FxRobot robot) throws Exception {
        fx(() -> {
            PlanLoader loader = new PlanLoader();
            Incident incident = console.store().create(loader.loadBundledSeed().plan(), "bundled",
                    loader.bundledSeedText(), "ana");
            console.model().openIncident(incident);
        });
        assertThat(text(robot, "#now-running")).isEqualTo("No phase in progress");

        // 1. Starting phase 1 without its approval is refused, naming the gate; nothing is recorded.
        board(robot);
        press(robot, "#start-p330-1");
        assertThat(text(robot, "#override-explain-p330-1")).startsWith("Start refused — approval gate: "
                + "\"Approval to begin #330 Phase 1\" is not signed off");
        assertThat(robot.lookup("#override-confirm-p330-1").query().isVisible()).isTrue();
        assertThat(state().phase("p330-1").status()).isEqualTo(PhaseStatus.PENDING);
        assertThat(text(robot, "#now-gate-p330-1-approval"))
                .isEqualTo("Waiting: \"Approval to begin #330 Phase 1\" is not signed off");
        screenshot("flow-refused-start");

        // 2. The now strip's waiting gate leads to guided mode, where the approval is signed off.
        fx(() -> robot.lookup("#now-gate-p330-1-approval").queryAs(Hyperlink.class).fire());
        assertThat(console.model().selectedAreaProperty().get()).isEqualTo(ConsoleArea.GUIDED);
        assertThat(robot.lookup("#decision-schema-cleanup-answer-1").tryQuery())
                .as("the schema decision belongs to #324 phase 4, not here").isEmpty();
        focus(robot, "#signoff-approve-p330-1-role");
        robot.write("Incident commander");
        press(robot, "#signoff-approve-p330-1-sign");
        assertThat(state().signOffs()).singleElement()
                .satisfies(s -> assertThat(s.approvalId()).isEqualTo("approve-p330-1"));

        // 3. Guided mode starts the phase through its gates with the first step, which is also its first task.
        press(robot, "#guided-next");
        assertThat(state().phase("p330-1").status()).isEqualTo(PhaseStatus.IN_PROGRESS);
        assertThat(state().phase("p330-1").guidedStepsDone()).containsExactly("p330-1.step-1");
        press(robot, "#guided-next");
        assertThat(state().phase("p330-1").tickedTasks()).containsExactly("p330-1.task-1", "p330-1.task-2");
        board(robot);
        assertThat(robot.lookup("#task-p330-1-task-2").queryAs(CheckBox.class).isSelected()).isTrue();
        // ... and a task ticked on the board is the guided step: one event does both.
        CheckBox third = robot.lookup("#task-p330-1-task-3").queryAs(CheckBox.class);
        fx(third::requestFocus);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(state().phase("p330-1").guidedStepsDone()).contains("p330-1.step-3");
        assertThat(text(robot, "#now-phase-p330-1")).startsWith("▶ #330 1: Emergency N+1 Fixes · step 4/6: ")
                .doesNotContain("`").contains(" of 6:00 planned");

        // 4. A failed test: the strip shows it, and the completion is held by the verification gate.
        fx(() -> console.model().session().record(new EventPayload.TestResultSet("t330-p1", "t330-p1.check-1",
                null, TestOutcome.FAIL, "still 503 on /health")));
        assertThat(text(robot, "#now-failing")).isEqualTo("1 test failing");
        screenshot("flow-now-strip");
        press(robot, "#complete-p330-1");
        assertThat(text(robot, "#complete-explain-p330-1")).startsWith("Completion refused — verification gate");
        press(robot, "#complete-confirm-p330-1");
        assertThat(text(robot, "#complete-problem-p330-1")).startsWith("Say why");
        assertThat(state().phase("p330-1").status()).isEqualTo(PhaseStatus.IN_PROGRESS);

        // 5. Overriding with a reason completes it, shown COMPLETE (unverified) and overridden.
        focus(robot, "#complete-reason-p330-1");
        robot.write("Platform is up; the health check is known to lag");
        press(robot, "#complete-confirm-p330-1");
        assertThat(state().phase("p330-1").status()).isEqualTo(PhaseStatus.COMPLETE);
        assertThat(state().phase("p330-1").verified()).isFalse();
        Node card = robot.lookup("#phase-p330-1").query();
        assertThat(robot.from(card).lookup(".status-badge").queryAs(Label.class).getText())
                .isEqualTo("COMPLETE (unverified)");
        assertThat(robot.from(card).lookup(".override-message").queryAs(Label.class).getText())
                .isEqualTo("Gate overridden: verification — Platform is up; the health check is known to lag (ana)");
        assertThat(robot.from(card).lookup(".status-badge").query().getPseudoClassStates())
                .extracting(Object::toString).contains("complete", "unverified");
        showAtTop(card);
        screenshot("flow-overridden-gate");

        // 6. Rolled back by hand: ROLLING BACK, then ROLLED BACK; its tests reopen for a re-test, history kept.
        fx(() -> console.model().session().record(new EventPayload.RollbackStarted("rb330", "rb330-phase1",
                "ran git revert by hand", "p330-1")));
        assertThat(state().phase("p330-1").status()).isEqualTo(PhaseStatus.ROLLING_BACK);
        assertThat(text(robot, "#now-phase-p330-1")).contains("ROLLING BACK");
        fx(() -> console.model().session().record(new EventPayload.RollbackFinished("rb330", "rb330-phase1", true,
                "reverted and deployed", "p330-1")));
        assertThat(state().phase("p330-1").status()).isEqualTo(PhaseStatus.ROLLED_BACK);
        assertThat(state().testsOf("p330-1")).isEmpty();
        assertThat(state().tests()).isNotEmpty();
        assertThat(robot.from(card).lookup(".status-badge").queryAs(Label.class).getText()).isEqualTo("ROLLED BACK");
        assertThat(robot.lookup("#now-failing").tryQuery()).as("the failure was reopened for a re-test").isEmpty();
        assertThat(state().phase("p324-4").status()).as("never started: keeps the plan's EVAL")
                .isEqualTo(PhaseStatus.EVAL);
        showAtTop(card);
        screenshot("flow-rolled-back");

        // 7. Re-test: started again (its approval still stands), the test passes this time.
        press(robot, "#start-p330-1");
        assertThat(state().phase("p330-1").status()).isEqualTo(PhaseStatus.IN_PROGRESS);
        fx(() -> console.model().session().record(new EventPayload.TestResultSet("t330-p1", "t330-p1.check-1",
                null, TestOutcome.PASS, "re-test after rollback")));
        assertThat(state().latestOutcome("p330-1", "t330-p1", "t330-p1.check-1")).contains(TestOutcome.PASS);
        assertThat(state().tests().values()).singleElement()
                .satisfies(r -> assertThat(r.history()).hasSize(2));
    }
}
