package io.incidentconsole.ui.tests;

import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.common.ConsoleArea;
import io.incidentconsole.ui.fixture.ConsoleFixture;
import io.incidentconsole.ui.fixture.Screenshots;

import io.incidentconsole.app.ConsoleApplication.Console;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.TestKey;
import io.incidentconsole.incident.TestRecord;
import io.incidentconsole.incident.TestResult;
import io.incidentconsole.testing.ExportFormat;
import io.incidentconsole.testing.JUnitXml;
import io.incidentconsole.testing.TestRow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.incidentconsole.incident.TestOutcome.BLOCKED;
import static io.incidentconsole.incident.TestOutcome.FAIL;
import static io.incidentconsole.incident.TestOutcome.PASS;
import static io.incidentconsole.incident.TestOutcome.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tests area worked like on the bridge call: a whole phase checklist recorded from the keyboard alone, a
 * failed check re-run after the fix with its history kept, a test case worked step by step, and both exports.
 */
@ExtendWith(ApplicationExtension.class)
class TestsViewTest {

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

    private static void keys(FxRobot robot, KeyCode... codes) {
        for (KeyCode code : codes) {
            robot.type(code);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Node focused(FxRobot robot) {
        return robot.listTargetWindows().stream().filter(Window::isFocused).findFirst()
                .map(w -> w.getScene().getFocusOwner()).orElse(null);
    }

    private void startIncident(FxRobot robot) throws Exception {
        fx(() -> console.model().openBundledPlan());
        fx(() -> console.view().showIncidentPicker());
        Window picker = robot.listTargetWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing()
                        && "incident-picker".equals(s.getProperties().get("incident-console.dialog")))
                .findFirst().orElseThrow();
        robot.clickOn(robot.from(picker.getScene().getRoot()).lookup("#operator-name").queryAs(TextField.class)).write("ana");
        robot.clickOn(robot.from(picker.getScene().getRoot()).lookup("#start-new-incident").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(state()).isNotNull();
    }

    @SuppressWarnings("unchecked")
    private void selectPhase(FxRobot robot, String phaseId, String labelStart) throws Exception {
        ComboBox<TestsViewModel.Scope> scope = robot.lookup("#tests-scope").queryComboBox();
        TestsViewModel.Scope wanted = scope.getItems().stream().filter(s -> phaseId.equals(s.phaseId()))
                .findFirst().orElseThrow();
        assertThat(wanted.label()).startsWith(labelStart);
        fx(() -> scope.getSelectionModel().select(wanted));
        fx(() -> table(robot).requestFocus());
    }

    @SuppressWarnings("unchecked")
    private static TableView<TestRow> table(FxRobot robot) {
        return robot.lookup("#tests-table").queryAs(TableView.class);
    }

    private static String selectedTitle(FxRobot robot) {
        TestRow row = table(robot).getSelectionModel().getSelectedItem();
        return row == null ? null : row.item().title();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void recordAPhaseFromTheKeyboardRerunAFailureWorkACaseAndExport(FxRobot robot) throws Exception {
        startIncident(robot);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(console.model().selectedAreaProperty().get()).isEqualTo(ConsoleArea.TESTS);
        assertThat(text(robot, "#tests-legend")).contains("P pass", "F fail", "S skip", "B blocked", "N note",
                "Enter open test case", "j k");
        assertThat(text(robot, "#tests-progress")).isEqualTo("All phases: 0/26 passed");

        // Phase 2's seven checks, keyboard only. After each result the next item not run is selected.
        selectPhase(robot, "p330-2", "2: Package Updates");
        assertThat(focused(robot)).isSameAs(table(robot));
        assertThat(table(robot).getItems()).hasSize(7);
        assertThat(selectedTitle(robot)).isEqualTo("Login/logout works");
        List<TestRow> before = List.copyOf(table(robot).getItems());
        keys(robot, KeyCode.P);
        // Only the recorded row is replaced (its cells alone are laid out again); the others are the same rows.
        List<TestRow> after = List.copyOf(table(robot).getItems());
        assertThat(after.get(0)).isNotSameAs(before.get(0));
        assertThat(after.get(0).outcome()).isEqualTo(PASS);
        assertThat(after.subList(1, 7)).zipSatisfy(before.subList(1, 7), (now, was) -> assertThat(now).isSameAs(was));
        keys(robot, KeyCode.P, KeyCode.F);
        assertThat(selectedTitle(robot)).isEqualTo("Organization switching works");
        keys(robot, KeyCode.N);
        assertThat(focused(robot)).isInstanceOf(TextField.class);
        robot.write("only one org in staging");
        keys(robot, KeyCode.ENTER);
        assertThat(focused(robot)).isSameAs(table(robot));
        assertThat(state().testsOf("p330-2")).as("a note on an item not run is a draft until its result").hasSize(3);
        keys(robot, KeyCode.B, KeyCode.P, KeyCode.P, KeyCode.S);

        List<TestRecord> phase2 = state().testsOf("p330-2");
        assertThat(phase2).hasSize(7);
        assertThat(phase2).extracting(r -> r.key().testId()).containsExactly("t330-p2.check-1", "t330-p2.check-2",
                "t330-p2.check-3", "t330-p2.check-4", "t330-p2.check-5", "t330-p2.check-6", "t330-p2.check-7");
        assertThat(phase2).extracting(r -> r.latest().outcome())
                .containsExactly(PASS, PASS, FAIL, BLOCKED, PASS, PASS, SKIPPED);
        assertThat(phase2).allSatisfy(r -> {
            assertThat(r.key().phaseId()).isEqualTo("p330-2");
            assertThat(r.latest().operator()).isEqualTo("ana");
            assertThat(r.latest().at()).isNotNull();
        });
        assertThat(phase2.get(3).latest().note()).isEqualTo("only one org in staging");
        assertThat(phase2.stream().filter(r -> r != phase2.get(3))).allSatisfy(r -> assertThat(r.latest().note()).isNull());
        assertThat(journalText()).contains("\"TestResultSet\"", "only one org in staging");

        // The failed check: back up with k, add a note to it (recorded as the same outcome with the note).
        keys(robot, KeyCode.K, KeyCode.K, KeyCode.K, KeyCode.K);
        assertThat(selectedTitle(robot)).isEqualTo("Microsoft Azure OAuth works");
        keys(robot, KeyCode.N);
        robot.write("callback returns 500");
        keys(robot, KeyCode.ENTER);
        TestRecord azure = state().tests().get(new TestKey("p330-2", "t330-p2", "t330-p2.check-3"));
        assertThat(azure.history()).extracting(TestResult::outcome, TestResult::note)
                .containsExactly(Tuple.tuple(FAIL, null),
                        Tuple.tuple(FAIL, "callback returns 500"));

        assertThat(text(robot, "#tests-progress")).isEqualTo("Phase 2: 4/7 passed, 1 failed, 1 blocked, 1 skipped");
        assertThat(text(robot, "#tests-at-risk")).contains("Success at risk", "#330 Rollback Strategy");
        Button rollback = robot.lookup("#rollback-criteria").queryButton();
        assertThat(rollback.isVisible()).isTrue();
        fx(() -> Screenshots.save(stage.getScene(), "tests-phase-at-risk"));

        // The phase board shows the same progress, and the card is marked at risk.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#progress-p330-2")).endsWith("Phase 2: 4/7 passed, 1 failed, 1 blocked, 1 skipped"
                + " — success at risk");
        assertThat(robot.lookup("#phase-p330-2").query().getPseudoClassStates())
                .extracting(Object::toString).contains("at-risk");
        assertThat(robot.lookup("#phase-p330-1").query().getPseudoClassStates())
                .extracting(Object::toString).doesNotContain("at-risk");
        fx(() -> robot.lookup("#complete-p330-2").query().requestFocus()); // the board scrolls the card into view
        fx(() -> Screenshots.save(stage.getScene(), "phase-board-tests-at-risk"));

        // "Rollback criteria" switches to the rollback area.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> robot.lookup("#rollback-criteria").query().requestFocus());
        keys(robot, KeyCode.SPACE);
        assertThat(console.model().selectedAreaProperty().get()).isEqualTo(ConsoleArea.ROLLBACK);

        // Re-run the failed check after the fix: the Failed filter, then P. The history keeps every result.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> robot.lookup("#filter-failed").query().requestFocus());
        keys(robot, KeyCode.SPACE);
        fx(() -> table(robot).requestFocus());
        assertThat(table(robot).getItems()).extracting(r -> r.item().title()).containsExactly("Microsoft Azure OAuth works");
        keys(robot, KeyCode.P);
        azure = state().tests().get(new TestKey("p330-2", "t330-p2", "t330-p2.check-3"));
        assertThat(azure.history()).extracting(TestResult::outcome).containsExactly(FAIL, FAIL, PASS);
        assertThat(state().latestOutcome("p330-2", "t330-p2", "t330-p2.check-3")).contains(PASS);
        assertThat(table(robot).getItems()).isEmpty();
        assertThat(text(robot, "#tests-progress")).isEqualTo("Phase 2: 5/7 passed, 1 blocked, 1 skipped");
        assertThat(robot.lookup("#rollback-criteria").query().isVisible()).isFalse();
        fx(() -> robot.lookup("#filter-all").query().requestFocus());
        keys(robot, KeyCode.SPACE);
        fx(() -> table(robot).requestFocus());
        keys(robot, KeyCode.K, KeyCode.K, KeyCode.K, KeyCode.K, KeyCode.K, KeyCode.K, KeyCode.J, KeyCode.J);
        assertThat(selectedTitle(robot)).isEqualTo("Microsoft Azure OAuth works");
        keys(robot, KeyCode.ENTER);
        @SuppressWarnings("unchecked")
        ListView<TestRow.HistoryEntry> history = robot.lookup("#case-history").queryAs(ListView.class);
        assertThat(history.getItems()).extracting(h -> h.result().outcome()).containsExactly(FAIL, FAIL, PASS);
        keys(robot, KeyCode.ESCAPE);
        assertThat(robot.lookup("#case-panel").query().isVisible()).isFalse();
        assertThat(focused(robot)).isSameAs(table(robot));

        // Test Case 1 of the functional suite, step by step (phase 3: Code Cleanup).
        selectPhase(robot, "p324-3", "3: Code Cleanup");
        assertThat(selectedTitle(robot)).isEqualTo("Coach Voice Notes Approval");
        keys(robot, KeyCode.ENTER);
        assertThat(robot.lookup("#case-panel").query().isVisible()).isTrue();
        @SuppressWarnings("unchecked")
        ListView<Integer> steps = robot.lookup("#case-steps").queryAs(ListView.class);
        assertThat(focused(robot)).isSameAs(steps);
        keys(robot, KeyCode.SPACE, KeyCode.DOWN, KeyCode.SPACE, KeyCode.J, KeyCode.SPACE);
        assertThat(state().tickedSteps("t324-functional", "t324-functional.case-1")).containsExactly(1, 2, 3);
        fx(() -> Screenshots.save(stage.getScene(), "tests-dark"));
        fx(() -> console.model().toggleTheme());
        fx(() -> Screenshots.save(stage.getScene(), "tests-light"));
        fx(() -> console.model().toggleTheme());
        keys(robot, KeyCode.J, KeyCode.SPACE, KeyCode.J, KeyCode.SPACE, KeyCode.J, KeyCode.SPACE);
        assertThat(state().tickedSteps("t324-functional", "t324-functional.case-1")).containsExactly(1, 2, 3, 4, 5, 6);
        keys(robot, KeyCode.P);
        assertThat(state().latestOutcome("p324-3", "t324-functional", "t324-functional.case-1")).contains(PASS);
        assertThat(text(robot, "#case-meta")).contains("6/6 steps ticked", "Result: Pass");
        assertThat(history.getItems()).extracting(h -> h.result().outcome()).containsExactly(PASS);
        keys(robot, KeyCode.ESCAPE);
        assertThat(text(robot, "#tests-progress")).isEqualTo("Phase 3: 1/8 passed");

        // Exports, through the view model the view uses, re-read.
        TestsViewModel model = new TestsViewModel(console.model().session(), console.model().planProperty(),
                BackgroundTasks.direct(), phaseId -> { });
        Path markdown = home.resolve("results.md");
        Path junit = home.resolve("results.xml");
        fx(() -> {
            model.activate();
            model.export(markdown, ExportFormat.MARKDOWN);
            model.export(junit, ExportFormat.JUNIT);
            model.deactivate();
        });
        assertThat(model.messageProperty().get()).isEqualTo("Exported the results to " + junit);
        String md = Files.readString(markdown);
        assertThat(md).contains("## #330 Phase 2: Package Updates (5/7 passed, 1 blocked, 1 skipped)",
                "| 4 | Organization switching works | blocked | only one org in staging | ana |",
                "| 1 | Coach Voice Notes Approval (6/6 steps) | pass |",
                "FAIL by ana at ", ": callback returns 500");
        Document document = JUnitXml.checkRequired(Files.readString(junit));
        Element root = document.getDocumentElement();
        assertThat(root.getAttribute("failures")).isEqualTo("0");
        Element phase2Suite = JUnitXml.children(root, "testsuite").stream()
                .filter(s -> s.getAttribute("name").equals("#330 Phase 2: Package Updates / Phase 2 Testing"))
                .findFirst().orElseThrow();
        assertThat(phase2Suite.getAttribute("tests")).isEqualTo("7");
        assertThat(phase2Suite.getAttribute("skipped")).isEqualTo("2");
        Element azureCase = JUnitXml.children(phase2Suite, "testcase").stream()
                .filter(t -> t.getAttribute("name").equals("Microsoft Azure OAuth works")).findFirst().orElseThrow();
        assertThat(JUnitXml.children(azureCase, "system-out").get(0).getTextContent())
                .contains("FAIL by ana", "note: callback returns 500", "pass by ana");
    }

    private String journalText() throws Exception {
        try (Stream<Path> files = Files.list(console.model().session().incidentProperty().get().directory())) {
            Path journal = files.filter(p -> p.getFileName().toString().startsWith("journal")).findFirst().orElseThrow();
            return Files.readString(journal);
        }
    }

}
