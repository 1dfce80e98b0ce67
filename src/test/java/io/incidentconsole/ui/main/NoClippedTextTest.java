package io.incidentconsole.ui.main;

import io.incidentconsole.ui.common.ConsoleArea;
import io.incidentconsole.ui.common.DialogStages;
import io.incidentconsole.ui.common.Theme;
import io.incidentconsole.ui.fixture.ClippedText;
import io.incidentconsole.ui.fixture.ConsoleFixture;

import io.incidentconsole.app.ConsoleApplication.Console;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.TestOutcome;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every area and dialog at a laptop's 1366×768 and a desk's 1920×1080, in both themes: no label, button, check
 * box or cell may show its text elided ("If Phase 1 Causes Issu…") or cut. A text is elided when what the skin
 * draws differs from the control's text.
 */
@ExtendWith(ApplicationExtension.class)
class NoClippedTextTest {

    @TempDir
    static Path home;

    private Console console;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = ConsoleFixture.show(stage, home);
    }

    private void startIncidentWithSomethingInEveryArea(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> console.model().openBundledPlan()).get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> console.view().showIncidentPicker()).get();
        WaitForAsyncUtils.waitForFxEvents();
        Window picker = robot.listTargetWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing() && "incident-picker".equals(s.getProperties()
                        .get(DialogStages.NAME))).findFirst().orElseThrow();
        List<String> pickerProblems = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> elided(picker.getScene(), pickerProblems)).get();
        assertThat(pickerProblems).as("elided text in the incident dialog").isEmpty();
        TextField name = robot.from(picker.getScene().getRoot()).lookup("#operator-name").queryAs(TextField.class);
        robot.clickOn(name).write("ana");
        robot.clickOn(robot.from(picker.getScene().getRoot()).lookup("#start-new-incident").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            var session = console.model().session();
            session.record(new EventPayload.PhaseStarted("p330-1"));
            session.record(new EventPayload.TestResultSet("t330-p1", "t330-p1.check-2", "p330-1", TestOutcome.FAIL,
                    "still N+1 on the members query"));
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void noAreaElidesOrCutsItsTextAtLaptopOrDeskSizeInEitherTheme(FxRobot robot) throws Exception {
        startIncidentWithSomethingInEveryArea(robot);
        List<String> problems = new ArrayList<>();
        for (int[] size : new int[][]{{1366, 768}, {1920, 1080}}) {
            for (Theme theme : Theme.values()) {
                WaitForAsyncUtils.asyncFx(() -> {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                    console.model().themeProperty().set(theme);
                }).get();
                for (ConsoleArea area : ConsoleArea.values()) {
                    WaitForAsyncUtils.asyncFx(() -> console.model().select(area)).get();
                    WaitForAsyncUtils.waitForFxEvents();
                    String where = area.name().toLowerCase(Locale.ROOT) + " " + size[0] + "x" + size[1] + " "
                            + theme.name().toLowerCase(Locale.ROOT);
                    List<String> found = WaitForAsyncUtils.asyncFx(() -> {
                        List<String> out = new ArrayList<>();
                        elided(stage.getScene(), out);
                        return out;
                    }).get();
                    found.forEach(p -> problems.add(where + ": " + p));
                }
            }
        }
        assertThat(problems).as("elided or cut text").isEmpty();

        // The incident dialog again, now listing the incident: its description wraps instead of being cut.
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(1366);
            stage.setHeight(768);
            console.view().showIncidentPicker();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        Window picker = robot.listTargetWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing() && "incident-picker".equals(s.getProperties()
                        .get(DialogStages.NAME))).findFirst().orElseThrow();
        List<String> listed = WaitForAsyncUtils.asyncFx(() -> {
            List<String> out = new ArrayList<>();
            elided(picker.getScene(), out);
            return out;
        }).get();
        assertThat(robot.from(picker.getScene().getRoot()).lookup(".list-cell").queryAll().stream()
                .anyMatch(cell -> cell instanceof Labeled l && l.getText() != null && !l.getText().isBlank()))
                .as("the incident is listed").isTrue();
        assertThat(listed).as("elided text in the incident dialog listing an incident").isEmpty();
    }

    static void elided(Scene scene, List<String> problems) {
        problems.addAll(ClippedText.in(scene));
    }
}
