package io.incidentconsole.ui.main;

import io.incidentconsole.ui.common.ConsoleArea;
import io.incidentconsole.ui.common.DialogStages;
import io.incidentconsole.ui.common.Theme;
import io.incidentconsole.ui.fixture.ConsoleFixture;

import io.incidentconsole.app.ConsoleApplication.Console;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.TestOutcome;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
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
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every area and dialog at a laptop's 1366×768 and a desk's 1920×1080, in both themes: no label, button, check
 * box or cell may show its text elided ("If Phase 1 Causes Issu…") or cut. A text is elided when what the skin
 * draws differs from the control's text.
 */
@ExtendWith(ApplicationExtension.class)
class NoClippedTextTest {

    /**
     * Controls that may elide, each with why. Kept short: anything else that elides is a bug.
     * <ul>
     *   <li>combo-box button cells and choice boxes show the chosen item in the width the toolbar gives them; the
     *   whole text is in the open list;</li>
     *   <li>tooltips are not shown in these layouts.</li>
     * </ul>
     */
    private static final Set<String> MAY_ELIDE = Set.of("combo-box-list-cell-in-button", "tooltip");

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

    /** Lays the scene out and lists every visible labeled control whose drawn text is not its text. */
    static void elided(Scene scene, List<String> problems) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        walk(scene.getRoot(), problems);
    }

    private static void walk(Node node, List<String> problems) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && !allowed(labeled)) {
            String text = labeled.getText();
            Node drawn = labeled.lookup(".text");
            if (text != null && !text.isBlank() && drawn instanceof Text shown && shown.getParent() == labeled
                    && labeled.getWidth() > 0) {
                String expected = labeled.isMnemonicParsing() ? text.replaceFirst("_(?=.)", "") : text;
                if (!expected.equals(shown.getText())) {
                    problems.add(describe(labeled) + " shows \"" + shown.getText() + "\" of \"" + expected + "\"");
                }
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, problems);
            }
        }
    }

    private static boolean allowed(Labeled labeled) {
        return labeled.getStyleClass().stream().anyMatch(MAY_ELIDE::contains)
                || labeled.getParent() != null && labeled.getParent().getStyleClass().contains("combo-box");
    }

    private static String describe(Labeled labeled) {
        String id = labeled.getId() != null ? "#" + labeled.getId() : String.join(".", labeled.getStyleClass());
        return labeled.getClass().getSimpleName() + "(" + id + ", " + Math.round(labeled.getWidth()) + "px)";
    }
}
