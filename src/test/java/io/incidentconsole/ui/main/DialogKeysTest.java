package io.incidentconsole.ui.main;

import io.incidentconsole.ui.incident.RecoveryNotice;
import io.incidentconsole.ui.common.CurrentPlan;
import io.incidentconsole.app.ConsoleApplication.Console;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.RecoveryReport;
import io.incidentconsole.ui.common.DialogStages;
import io.incidentconsole.ui.fixture.ConsoleFixture;
import io.incidentconsole.ui.incident.RecoveryDialog;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuItem;
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

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dialog from the keyboard: it opens with the focus where the operator types or decides first, Esc closes it
 * without doing anything, and Enter presses its default button (Ctrl+Enter where the first field is multi-line text,
 * whose Enter makes a new line).
 */
@ExtendWith(ApplicationExtension.class)
class DialogKeysTest {

    @TempDir
    static Path home;

    private Console console;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = ConsoleFixture.show(stage, home);
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void startIncident() throws Exception {
        fx(() -> console.model().openBundledPlan());
        fx(() -> {
            CurrentPlan plan = console.model().currentPlan().orElseThrow();
            console.model().openIncident(console.store().create(plan.plan(), plan.source(), plan.text(), "ana"));
        });
        fx(() -> console.model().session().record(new EventPayload.PhaseStarted("p330-1")));
    }

    private static Window dialog(FxRobot robot, String name) {
        return robot.listWindows().stream().filter(Window::isShowing)
                .filter(w -> w instanceof Stage s && name.equals(s.getProperties().get(DialogStages.NAME))
                        || w.getScene() != null && w.getScene().getRoot() instanceof DialogPane pane
                        && name.equals(pane.getProperties().get(DialogStages.NAME)))
                .findFirst().orElse(null);
    }

    /** Opens the dialog and returns it with the id (or style class) of the node that has the focus. */
    private Window open(FxRobot robot, String name, Runnable opening) throws Exception {
        fx(opening);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialog(robot, name) != null);
        Window window = dialog(robot, name);
        fx(window::requestFocus);
        return window;
    }

    private static String focused(Window window) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node owner = window.getScene().getFocusOwner();
            return owner == null ? "nothing" : owner.getId() != null ? "#" + owner.getId()
                    : String.join(".", owner.getStyleClass());
        }).get();
    }

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys).release(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private MenuItem menuItem(String id) {
        return console.view().composeUpdateItem().getParentMenu().getItems().stream()
                .filter(item -> id.equals(item.getId())).findFirst().orElseThrow();
    }

    @Test
    void theComposerStartsInItsTextEscCancelsAndCtrlEnterPublishes(FxRobot robot) throws Exception {
        startIncident();
        Window composer = open(robot, "compose-update", () -> console.view().composeUpdateItem().fire());
        assertThat(focused(composer)).isEqualTo("#compose-text");
        press(robot, KeyCode.ESCAPE);
        assertThat(composer.isShowing()).as("Esc closes").isFalse();
        assertThat(console.model().session().stateProperty().get().updates()).as("nothing published").isEmpty();

        composer = open(robot, "compose-update", () -> console.view().composeUpdateItem().fire());
        press(robot, KeyCode.CONTROL, KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !console.model().session().stateProperty().get()
                .updates().isEmpty());
        assertThat(composer.isShowing()).as("published and closed").isFalse();
    }

    @Test
    void theHandoffStartsInItsNotesEscClosesAndCtrlEnterCopies(FxRobot robot) throws Exception {
        startIncident();
        Window handoff = open(robot, "handoff", () -> menuItem("menu-handoff").fire());
        assertThat(focused(handoff)).isEqualTo("#handoff-notes");
        press(robot, KeyCode.CONTROL, KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> console.model().session().stateProperty().get()
                .lastEvent().orElseThrow().payload() instanceof EventPayload.HandoffShared);
        press(robot, KeyCode.ESCAPE);
        assertThat(handoff.isShowing()).as("Esc closes").isFalse();
    }

    @Test
    void theIncidentPickerClosesOnEscWhileItsListHasTheKeyboard(FxRobot robot) throws Exception {
        startIncident();
        Window picker = open(robot, "incident-picker", () -> console.view().showIncidentPicker());
        fx(() -> picker.getScene().lookup("#incident-list").requestFocus());
        assertThat(focused(picker)).isEqualTo("#incident-list");
        press(robot, KeyCode.ESCAPE);
        assertThat(picker.isShowing()).as("Esc closes, as \"Just read the plan\"").isFalse();
    }

    @Test
    void theTeamDialogStartsAtTheNameAndEscCancels(FxRobot robot) throws Exception {
        fx(() -> console.model().openBundledPlan());
        Window join = open(robot, "team-join", () -> console.view().joinTeamItem().fire());
        assertThat(focused(join)).isIn("#team-operator", "#team-address");
        press(robot, KeyCode.ESCAPE);
        assertThat(join.isShowing()).isFalse();
    }

    @Test
    void theRecoveryAndPlanProblemDialogsCloseOnEnterAndOnEsc(FxRobot robot) throws Exception {
        startIncident();
        RecoveryNotice damaged = new RecoveryNotice(
                console.model().session().incidentProperty().get(), new RecoveryReport(List.of(
                new RecoveryReport.Finding(RecoveryReport.Kind.DAMAGED, "journal-000001.ndjson", 57, "not JSON")), 56));
        for (KeyCode key : new KeyCode[]{KeyCode.ENTER, KeyCode.ESCAPE}) {
            Window recovery = open(robot, "recovery", () -> new RecoveryDialog(damaged, stage,
                    console.model().themeProperty().get()).show());
            assertThat(focused(recovery)).isEqualTo("#closeButton");
            press(robot, key);
            assertThat(recovery.isShowing()).as("recovery closes on " + key).isFalse();
            assertThat(console.model().session().incidentProperty().get().recovery().unresolvedDamage())
                    .as("closing is not continuing").isEmpty();

            Window problems = open(robot, "plan-problems",
                    () -> console.model().openPlan(ConsoleFixture.resource("broken-plan.yaml")));
            assertThat(focused(problems)).isEqualTo("#closeButton");
            press(robot, key);
            assertThat(problems.isShowing()).as("plan problems close on " + key).isFalse();
        }
    }

    @Test
    void theImportReportClosesOnEnterAndOnEsc(FxRobot robot) throws Exception {
        Path markdown = Path.of(getClass().getResource("/importer/db-migration-cutover.md").toURI());
        for (KeyCode key : new KeyCode[]{KeyCode.ENTER, KeyCode.ESCAPE}) {
            Window report = open(robot, "import-report", () -> console.model().importMarkdown(markdown));
            press(robot, key);
            assertThat(report.isShowing()).as("import report closes on " + key).isFalse();
        }
    }
}
