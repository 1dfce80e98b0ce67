package io.incidentconsole.ui.main;

import io.incidentconsole.ui.common.ConsoleArea;
import io.incidentconsole.ui.common.DialogStages;
import io.incidentconsole.ui.fixture.ConsoleFixture;

import io.incidentconsole.app.ConsoleApplication.Console;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console worked from the keyboard alone: the incident starts with Enter in the name field, and every area
 * opened by its shortcut answers its first key at once, without a click.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardFirstTest {

    @TempDir
    static Path home;

    private Console console;

    @Start
    void start(Stage stage) {
        console = ConsoleFixture.show(stage, home);
    }

    private IncidentState state() {
        return console.model().session().stateProperty().get();
    }

    private Optional<EventPayload> lastPayload() {
        return state().lastEvent().map(e -> e.payload());
    }

    private static void shortcut(FxRobot robot, KeyCode digit) {
        robot.press(KeyCode.CONTROL, digit).release(digit, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void key(FxRobot robot, KeyCode code) {
        robot.type(code);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Optional<Window> dialog(FxRobot robot, String name) {
        return robot.listTargetWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing() && name.equals(s.getProperties().get(DialogStages.NAME)))
                .findFirst();
    }

    private void startIncidentWithEnter(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> console.model().openBundledPlan()).get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> console.view().showIncidentPicker()).get();
        WaitForAsyncUtils.waitForFxEvents();
        Window picker = dialog(robot, "incident-picker").orElseThrow();
        TextField name = robot.from(picker.getScene().getRoot()).lookup("#operator-name").queryAs(TextField.class);
        if (name.getText().isEmpty()) {
            assertThat(name.isFocused()).as("without a remembered name, the name field has the focus").isTrue();
            robot.clickOn(name).write("ana");
        } else {
            robot.clickOn(name);
        }
        key(robot, KeyCode.ENTER);
        assertThat(state()).as("Enter in the name field started the incident").isNotNull();
        assertThat(dialog(robot, "incident-picker")).as("the dialog closed").isEmpty();
    }

    @Test
    void theAreaColumnMovesWithTheArrowKeysAndAClick(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> console.model().openBundledPlan()).get();
        WaitForAsyncUtils.waitForFxEvents();
        AreaNavigation navigation = robot.lookup(".navigation").queryAs(AreaNavigation.class);
        WaitForAsyncUtils.asyncFx(navigation::requestFocus).get();
        WaitForAsyncUtils.waitForFxEvents();

        key(robot, KeyCode.DOWN);
        assertThat(console.model().selectedAreaProperty().get()).isEqualTo(ConsoleArea.PHASE_BOARD);
        key(robot, KeyCode.DOWN);
        assertThat(console.model().selectedAreaProperty().get()).isEqualTo(ConsoleArea.TESTS);
        key(robot, KeyCode.UP);
        assertThat(console.model().selectedAreaProperty().get()).isEqualTo(ConsoleArea.PHASE_BOARD);
        key(robot, KeyCode.END);
        assertThat(console.model().selectedAreaProperty().get()).isEqualTo(ConsoleArea.GUIDED);
        key(robot, KeyCode.DOWN);
        assertThat(console.model().selectedAreaProperty().get()).as("the last stays the last")
                .isEqualTo(ConsoleArea.GUIDED);
        key(robot, KeyCode.HOME);
        assertThat(console.model().selectedAreaProperty().get()).isEqualTo(ConsoleArea.OVERVIEW);
        assertThat(navigation.isFocused()).as("the arrows leave the focus on the column").isTrue();

        robot.clickOn("#nav-tests");
        assertThat(console.model().selectedAreaProperty().get()).isEqualTo(ConsoleArea.TESTS);
        assertThat(robot.lookup("#tests-table").query().isFocused()).as("a click gives the area the keyboard").isTrue();
        robot.clickOn("#nav-rollback");
        assertThat(console.model().selectedAreaProperty().get()).isEqualTo(ConsoleArea.ROLLBACK);
        // A shortcut moves the column's selection too.
        shortcut(robot, KeyCode.DIGIT5);
        assertThat(navigation.selectedProperty().get()).isEqualTo(ConsoleArea.METRICS);
        assertThat(robot.lookup("#nav-metrics").query().getPseudoClassStates()).contains(AreaNavigation.SELECTED);
        assertThat(robot.lookup("#nav-rollback").query().getPseudoClassStates())
                .doesNotContain(AreaNavigation.SELECTED);
    }

    @Test
    void spaceOnTheBoardTicksATaskOfAPhaseUnderWayNotOneThatWouldBeRefused(FxRobot robot) throws Exception {
        startIncidentWithEnter(robot);
        // Phase 1 of #330 is first on the board and not started; phase 3 has been started (its gate overridden).
        WaitForAsyncUtils.asyncFx(() -> {
            console.model().session().record(new EventPayload.GateOverridden("p330-3", "dependencies", "drill"));
            console.model().session().record(new EventPayload.PhaseStarted("p330-3"));
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        shortcut(robot, KeyCode.DIGIT2);
        key(robot, KeyCode.SPACE);
        assertThat(lastPayload()).get().isInstanceOfSatisfying(EventPayload.TaskTicked.class,
                t -> assertThat(t.phaseId()).isEqualTo("p330-3"));
    }

    @Test
    void everyAreaOpenedByItsShortcutAnswersItsFirstKeyAtOnce(FxRobot robot) throws Exception {
        startIncidentWithEnter(robot);
        // Phase 1 starts only once its approval is signed off (issue 16's gates): sign it, so Enter can start it.
        WaitForAsyncUtils.asyncFx(() -> console.model().session().record(
                new EventPayload.SignOffGiven("approve-p330-1", "Incident commander", null))).get();
        WaitForAsyncUtils.waitForFxEvents();

        // Guided mode: Enter is Next (it starts the phase through its gates and does the first step), at once.
        shortcut(robot, KeyCode.DIGIT7);
        key(robot, KeyCode.ENTER);
        assertThat(lastPayload()).get().isInstanceOf(EventPayload.GuidedStepDone.class);

        // Tests: P passes the selected test, at once.
        shortcut(robot, KeyCode.DIGIT3);
        key(robot, KeyCode.P);
        assertThat(lastPayload()).get().isInstanceOfSatisfying(EventPayload.TestResultSet.class,
                r -> assertThat(r.outcome().name()).isEqualTo("PASS"));

        // Phase board: Space ticks the first open task, at once.
        shortcut(robot, KeyCode.DIGIT2);
        key(robot, KeyCode.SPACE);
        assertThat(lastPayload()).get().isInstanceOf(EventPayload.TaskTicked.class);

        // Every area: the focus is inside the area just opened, not left on the navigation list or nowhere.
        for (ConsoleArea area : ConsoleArea.values()) {
            shortcut(robot, KeyCode.getKeyCode(String.valueOf(area.ordinal() + 1)));
            Pane content = robot.lookup("#content").queryAs(Pane.class);
            Node owner = content.getScene().getFocusOwner();
            assertThat(owner).as("focus owner after the shortcut of %s", area).isNotNull();
            assertThat(isInside(owner, content.getChildren().get(0))).as("%s: focus on %s", area, owner).isTrue();
        }
    }

    @Test
    void dialogsAnswerEscape(FxRobot robot) throws Exception {
        startIncidentWithEnter(robot);
        robot.press(KeyCode.CONTROL, KeyCode.U).release(KeyCode.U, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog(robot, "compose-update")).as("Ctrl+U opened the composer").isPresent();
        key(robot, KeyCode.ESCAPE);
        assertThat(dialog(robot, "compose-update")).as("Esc closed the composer").isEmpty();

        WaitForAsyncUtils.asyncFx(() -> console.view().showIncidentPicker()).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog(robot, "incident-picker")).isPresent();
        key(robot, KeyCode.ESCAPE);
        assertThat(dialog(robot, "incident-picker")).as("Esc closed the incident dialog").isEmpty();
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}

