package io.incidentconsole.ui.board;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.ui.fixture.ConsoleFixture;
import io.incidentconsole.ui.fixture.Screenshots;

import io.incidentconsole.app.ConsoleApplication.Console;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.plan.PhaseStatus;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed plan worked as an incident on the phase board: start an incident, tick tasks from the keyboard, see
 * #324 Phase 3 gated by #330 Phases 1 and 2, override only with a reason, restart, and find everything again.
 */
@ExtendWith(ApplicationExtension.class)
class IncidentBoardTest {

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

    private Window dialog(FxRobot robot, String name) {
        return robot.listTargetWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing() && name.equals(s.getProperties().get("incident-console.dialog")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " dialog showing"));
    }

    /** Keyboard only: focus the control (the board scrolls it into view) and press Space. */
    private static void press(FxRobot robot, String query) throws Exception {
        focus(robot, query);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void focus(FxRobot robot, String query) throws Exception {
        Node node = robot.lookup(query).query();
        WaitForAsyncUtils.asyncFx(node::requestFocus).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node.isFocused()).as("%s focused", query).isTrue();
    }

    @Test
    void workTheBoardRestartAndFindEverythingAgain(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> console.model().openBundledPlan()).get();
        WaitForAsyncUtils.waitForFxEvents();

        // Start a new incident: the name is required.
        WaitForAsyncUtils.asyncFx(() -> console.view().showIncidentPicker()).get();
        WaitForAsyncUtils.waitForFxEvents();
        Window picker = dialog(robot, "incident-picker");
        robot.clickOn(robot.from(picker.getScene().getRoot()).lookup("#start-new-incident").queryButton());
        assertThat(robot.from(picker.getScene().getRoot()).lookup("#picker-problem").queryAs(Label.class).getText())
                .contains("Enter your name");
        robot.clickOn(robot.from(picker.getScene().getRoot()).lookup("#operator-name").queryAs(TextField.class)).write("ana");
        robot.clickOn(robot.from(picker.getScene().getRoot()).lookup("#start-new-incident").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(picker.isShowing()).isFalse();
        assertThat(state()).isNotNull();
        assertThat(robot.lookup("#incident-line").queryAs(Label.class).getText()).contains("operator ana");

        // The board, by keyboard.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#gate-p324-3").queryAs(Label.class).getText())
                .isEqualTo("Waiting for: dependencies gate: #330 1: Emergency N+1 Fixes is PENDING, not complete; "
                        + "dependencies gate: #330 2: Package Updates is PENDING, not complete");

        // A task of a phase not started is not ticked: the board says to start it first (its gates are checked then).
        CheckBox first = robot.lookup("#task-p330-1-task-1").queryAs(CheckBox.class);
        WaitForAsyncUtils.asyncFx(first::requestFocus).get();
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(state().phase("p330-1").tickedTasks()).isEmpty();
        assertThat(first.isSelected()).isFalse();
        assertThat(robot.lookup("#board-notice").queryAs(Label.class).getText())
                .isEqualTo("Not ticked: phase 1: Emergency N+1 Fixes is PENDING; start it first (its gates are "
                        + "checked then).");

        // Signed off and started, its tasks tick.
        WaitForAsyncUtils.asyncFx(() -> console.model().session().record(
                new EventPayload.SignOffGiven("approve-p330-1", "Lead", null))).get();
        WaitForAsyncUtils.waitForFxEvents();
        press(robot, "#start-p330-1");
        WaitForAsyncUtils.asyncFx(first::requestFocus).get();
        robot.type(KeyCode.SPACE).type(KeyCode.TAB).type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(state().phase("p330-1").tickedTasks()).containsExactly("p330-1.task-1", "p330-1.task-2");
        assertThat(robot.lookup("#task-p330-1-task-2").queryAs(CheckBox.class).isSelected()).isTrue();
        Path journal;
        try (Stream<Path> files = Files.list(console.model().session().incidentProperty().get().directory())) {
            journal = files.filter(p -> p.getFileName().toString().startsWith("journal")).findFirst().orElseThrow();
        }
        assertThat(Files.readString(journal)).contains("\"TaskTicked\"", "p330-1.task-2");

        // The gate: an override needs a reason.
        press(robot, "#start-p324-3");
        press(robot, "#override-confirm-p324-3");
        assertThat(robot.lookup("#override-problem-p324-3").queryAs(Label.class).getText()).contains("Say why");
        assertThat(state().phase("p324-3").status()).isEqualTo(PhaseStatus.PENDING);
        focus(robot, "#override-reason-p324-3");
        robot.write("Audit already passed; CTO approved parallel work").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(state().phase("p324-3").status()).isEqualTo(PhaseStatus.IN_PROGRESS);
        assertThat(state().phase("p324-3").gateOverrides()).singleElement()
                .satisfies(o -> assertThat(o.reason()).isEqualTo("Audit already passed; CTO approved parallel work"));

        // Complete phase 1 with open items: the console lists them, says the verification gate holds it and asks
        // why it may be completed anyway.
        press(robot, "#complete-p330-1");
        assertThat(robot.lookup("#complete-confirm-p330-1").query().isVisible()).isTrue();
        assertThat(state().phase("p330-1").status()).isEqualTo(PhaseStatus.IN_PROGRESS);
        focus(robot, "#complete-reason-p330-1");
        robot.write("Platform is back; tests are run by QA after the call");
        press(robot, "#complete-confirm-p330-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(state().phase("p330-1").status()).isEqualTo(PhaseStatus.COMPLETE);
        assertThat(state().phase("p330-1").confirmedOpenItems()).anyMatch(i -> i.startsWith("Task not ticked: "));
        assertThat(robot.lookup("#gate-p324-3").queryAs(Label.class).getText()).isEmpty();

        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), "phase-board-incident")).get();

        // Restart on the same data directory and resume: everything is there.
        String incidentId = console.model().session().incidentProperty().get().id();
        WaitForAsyncUtils.asyncFx(() -> {
            console.model().session().close();
            console = ConsoleFixture.show(stage, home);
            console.model().openBundledPlan();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> console.view().showIncidentPicker()).get();
        WaitForAsyncUtils.waitForFxEvents();
        Window again = dialog(robot, "incident-picker");
        assertThat(robot.from(again.getScene().getRoot()).lookup("#operator-name").queryAs(TextField.class).getText())
                .isEqualTo("ana");
        robot.clickOn(robot.from(again.getScene().getRoot()).lookup("#resume-incident").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(console.model().session().incidentProperty().get().id()).isEqualTo(incidentId);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#task-p330-1-task-1").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#task-p330-1-task-2").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#task-p330-1-task-3").queryAs(CheckBox.class).isSelected()).isFalse();
        assertThat(state().phase("p324-3").status()).isEqualTo(PhaseStatus.IN_PROGRESS);
        assertThat(state().phase("p330-1").status()).isEqualTo(PhaseStatus.COMPLETE);
    }

    @Test
    void aTaskThePlanMarksDoneStartsTickedOnTheBoard(FxRobot robot) throws Exception {
        Path plan = home.resolve("declared-done-plan.yaml");
        Files.writeString(plan, Files.readString(ConsoleFixture.resource("small-plan.yaml")).replace(
                "      - Patch connection release in PaymentClient\n",
                "      - text: Patch connection release in PaymentClient\n        done: true\n"));
        WaitForAsyncUtils.asyncFx(() -> {
            console = ConsoleFixture.show(stage, home.resolve("declared-done"));
            console.model().openPlan(plan);
            console.view().showIncidentPicker();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        Window picker = dialog(robot, "incident-picker");
        robot.clickOn(robot.from(picker.getScene().getRoot()).lookup("#operator-name").queryAs(TextField.class)).write("ana");
        robot.clickOn(robot.from(picker.getScene().getRoot()).lookup("#start-new-incident").queryButton());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#task-p501-1-task-1").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#task-p501-1-task-2").queryAs(CheckBox.class).isSelected()).isFalse();
    }
}
