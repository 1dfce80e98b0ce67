package io.incidentconsole.ui.main;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import io.incidentconsole.ui.incident.RecoveryNotice;
import io.incidentconsole.ui.common.CurrentPlan;
import io.incidentconsole.app.ConsoleApplication.Console;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.RecoveryReport;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.ui.common.ConsoleArea;
import io.incidentconsole.ui.common.DialogStages;
import io.incidentconsole.ui.common.Theme;
import io.incidentconsole.ui.fixture.ConsoleFixture;
import io.incidentconsole.ui.fixture.Screenshots;
import io.incidentconsole.ui.common.GuidedRequest;
import io.incidentconsole.ui.incident.RecoveryDialog;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuItem;
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
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The states and dialogs {@link NoClippedTextTest} does not reach, at 1366×768 and 1920×1080 in both themes: an
 * alert firing in the status bar, a failed test, an audit recorded, the sign-off form and its signed line, the
 * rollback form's help text; and every dialog (compose update, handoff, team join, journal recovery, plan problems,
 * import report). No label, button or cell may be elided, no field may cut its prompt, and no dialog may be taller
 * or wider than the screen it opens on.
 */
@ExtendWith(ApplicationExtension.class)
class NoClippedDialogTextTest {

    private static final int[][] SIZES = {{1366, 768}, {1920, 1080}};

    @TempDir
    static Path home;

    private Console console;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = ConsoleFixture.show(stage, home);
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        T result = WaitForAsyncUtils.asyncFx(action).get();
        WaitForAsyncUtils.waitForFxEvents();
        return result;
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void startIncidentInTrouble() throws Exception {
        fx(() -> console.model().openBundledPlan());
        fx(() -> {
            CurrentPlan plan = console.model().currentPlan().orElseThrow();
            console.model().openIncident(console.store().create(plan.plan(), plan.source(), plan.text(), "ana"));
        });
        fx(() -> {
            var session = console.model().session();
            session.record(new EventPayload.PhaseStarted("p330-1"));
            session.record(new EventPayload.TestResultSet("t330-p1", "t330-p1.check-2", "p330-1", TestOutcome.FAIL,
                    "still N+1 on the members query"));
            session.record(new EventPayload.AlertFired("convex-calls-high", "convex_calls", 2_800_000.0,
                    "Convex function calls 2.8M calls/day — above the 1M calls/day target; the adapter's error rate"
                            + " rises with it and Better Auth sign-ins fail for a third of the users (roll back Phase 2)"));
            session.record(new EventPayload.AuditChecked("p324-3", "0".repeat(64), true, List.of()));
        });
    }

    private List<String> elidedIn(Scene scene) throws Exception {
        return fx(() -> {
            List<String> out = new ArrayList<>();
            NoClippedTextTest.elided(scene, out);
            return out;
        });
    }

    private void sized(int[] size, Theme theme) throws Exception {
        fx(() -> {
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
            console.model().themeProperty().set(theme);
        });
    }

    private static String where(int[] size, Theme theme) {
        return size[0] + "x" + size[1] + " " + theme.name().toLowerCase(Locale.ROOT);
    }

    /** The one value the selected procedure needs is in the middle column's view without scrolling. */
    private boolean valueToFillInView() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node field = stage.getScene().lookup("#param-commit");
            Node column = stage.getScene().lookup(".rollback-scroller");
            if (field == null || column == null || !field.isVisible()) {
                return false;
            }
            Bounds shown = column.localToScene(column.getLayoutBounds());
            Bounds at = field.localToScene(field.getLayoutBounds());
            return shown.contains(at);
        }).get();
    }

    private void guided(String phaseId) throws Exception {
        fx(() -> console.view().root().fireEvent(new GuidedRequest(phaseId)));
    }

    @Test
    void theStatesTheIssueNamesShowTheirTextWholeAtBothSizesInBothThemes() throws Exception {
        startIncidentInTrouble();
        List<String> problems = new ArrayList<>();
        for (int[] size : SIZES) {
            for (Theme theme : Theme.values()) {
                sized(size, theme);
                for (ConsoleArea area : List.of(ConsoleArea.ROLLBACK, ConsoleArea.TIMELINE, ConsoleArea.TESTS)) {
                    fx(() -> console.model().select(area));
                    elidedIn(stage.getScene()).forEach(p -> problems.add(area + " " + where(size, theme) + ": " + p));
                    if (area == ConsoleArea.ROLLBACK && !valueToFillInView()) {
                        problems.add("rollback " + where(size, theme) + ": the commit to fill is not in view");
                    }
                }
                guided("p330-1"); // the step list and the sign-off form
                elidedIn(stage.getScene()).forEach(p -> problems.add("guided p330-1 " + where(size, theme) + ": " + p));
                guided("p324-3"); // the audit's "Recorded: …" line
                elidedIn(stage.getScene()).forEach(p -> problems.add("guided p324-3 " + where(size, theme) + ": " + p));
            }
        }
        assertThat(problems).as("elided or cut text").isEmpty();
    }

    @Test
    void everyDialogShowsItsTextWholeAndFitsTheScreenAtBothSizesInBothThemes(FxRobot robot) throws Exception {
        startIncidentInTrouble();
        Path broken = ConsoleFixture.resource("broken-plan.yaml");
        Path markdown = Path.of(getClass().getResource("/importer/db-migration-cutover.md").toURI());
        List<String> problems = new ArrayList<>();
        for (int[] size : SIZES) {
            for (Theme theme : Theme.values()) {
                sized(size, theme);
                String at = where(size, theme);
                check(robot, "compose-update", () -> console.view().composeUpdateItem().fire(), size, at, problems);
                check(robot, "handoff", () -> menuItem("menu-handoff").fire(), size, at, problems);
                check(robot, "team-join", () -> console.view().joinTeamItem().fire(), size, at, problems);
                check(robot, "recovery", () -> new RecoveryDialog(damagedJournal(), stage, theme).show(), size, at,
                        problems);
                check(robot, "plan-problems", () -> console.model().openPlan(broken), size, at, problems);
            }
        }
        // Importing replaces the open plan: last, once per theme at the laptop size.
        for (Theme theme : Theme.values()) {
            sized(SIZES[0], theme);
            check(robot, "import-report", () -> console.model().importMarkdown(markdown), SIZES[0],
                    where(SIZES[0], theme), problems);
        }
        assertThat(problems).as("elided or cut text in a dialog").isEmpty();
    }

    /** A journal with a damaged line in the middle, as the console reports it on opening. */
    private RecoveryNotice damagedJournal() {
        return new RecoveryNotice(console.model().session().incidentProperty().get(),
                new RecoveryReport(List.of(
                        new RecoveryReport.Finding(RecoveryReport.Kind.DAMAGED, "journal-000001.ndjson", 57,
                                "not a journal event: Unexpected character ('}' (code 125)) at column 212"),
                        new RecoveryReport.Finding(RecoveryReport.Kind.CHAIN_BROKEN, "journal-000001.ndjson", 58,
                                "the checksum chain breaks here: a line was changed, inserted or removed")), 56));
    }

    private MenuItem menuItem(String id) {
        return console.view().composeUpdateItem().getParentMenu().getItems().stream()
                .filter(item -> id.equals(item.getId())).findFirst().orElseThrow();
    }

    /** Opens a dialog, checks its text and its size against the screen, saves a picture of it, closes it. */
    private void check(FxRobot robot, String name, Runnable open, int[] screen, String at, List<String> problems)
            throws Exception {
        fx(open);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialog(robot, name) != null);
        Window dialog = dialog(robot, name);
        elidedIn(dialog.getScene()).forEach(p -> problems.add(name + " " + at + ": " + p));
        if (dialog.getHeight() > screen[1] || dialog.getWidth() > screen[0]) {
            problems.add(name + " " + at + ": the dialog is " + Math.round(dialog.getWidth()) + "x"
                    + Math.round(dialog.getHeight()) + ", larger than the screen");
        }
        fx(() -> Screenshots.save(dialog.getScene(), "dialog-" + name + "-" + at.replace(' ', '-')));
        fx(dialog::hide);
    }

    private static Window dialog(FxRobot robot, String name) {
        return robot.listWindows().stream().filter(Window::isShowing)
                .filter(w -> w instanceof Stage s && name.equals(s.getProperties().get(DialogStages.NAME))
                        || w.getScene() != null && w.getScene().getRoot() instanceof DialogPane pane
                        && name.equals(pane.getProperties().get(DialogStages.NAME)))
                .findFirst().orElse(null);
    }
}
