package io.incidentconsole.ui.drill;

import io.incidentconsole.fixture.MovableClock;
import io.incidentconsole.incident.DrillEvents;
import io.incidentconsole.ui.fixture.ConsoleFixture;
import io.incidentconsole.app.ConsoleApplication.Console;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.GuidedStep;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.settings.AppDirectories;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.common.Theme;
import io.incidentconsole.ui.fixture.Screenshots;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.text.Text;
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

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A game day on the bundled plan and its bundled scenario, in the real console, from File → New Drill… to the drill
 * report: the band says DRILL everywhere, Phase 2 of #330 starts, the scenario plays on the driven clock (a failed
 * OAuth test, a scripted alert in the banner), the rollback of Phase 2 runs through the stubs (the scripted
 * `npm install` failure included), the 24-hour watch is fast-forwarded, and the drill report measures it all.
 */
@ExtendWith(ApplicationExtension.class)
class DrillWalkThroughTest {

    @TempDir
    static Path home;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T02:00:00Z"));
    private Console console;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppDirectories dirs = new AppDirectories(home.resolve("data"), home.resolve("config"));
        console = ConsoleFixture.console(ConsoleFixture.dependencies(dirs, BackgroundTasks.direct(), clock));
        Scene scene = new Scene(console.view().root(), 1360, 880);
        console.model().themeProperty().get().applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    private IncidentState state() {
        return console.model().session().stateProperty().get();
    }

    /** Every text a node shows: labels' texts and the texts of text flows. */
    private static List<String> texts(Node root) {
        List<String> out = new ArrayList<>();
        if (root instanceof Labeled labeled) {
            out.add(labeled.getText());
        } else if (root instanceof Text text) {
            out.add(text.getText());
        }
        if (root instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> out.addAll(texts(child)));
        }
        if (root instanceof ScrollPane scroll && scroll.getContent() != null) {
            out.addAll(texts(scroll.getContent()));
        }
        return out;
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        T value = WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return value;
    }

    private static void waitUntil(String what, Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::get).get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(condition::get).get()).as(what).isTrue();
    }

    private static Window dialog(FxRobot robot, String name) {
        return robot.listTargetWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing()
                        && name.equals(s.getProperties().get("incident-console.dialog")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " dialog showing"));
    }

    private void screenshot(Scene scene, String name) throws Exception {
        int colours = fx(() -> Screenshots.save(scene, name));
        assertThat(colours).as("distinct colours in %s", name).isGreaterThan(20);
    }

    private void record(EventPayload payload) throws Exception {
        fx(() -> console.model().session().incidentProperty().get().record(payload));
    }

    private String text(FxRobot robot, String query) {
        return ((Label) robot.lookup(query).query()).getText();
    }

    @Test
    void theBundledScenarioFromNewDrillToTheDrillReport(FxRobot robot) throws Exception {
        fx(() -> console.model().openBundledPlan());
        assertThat(robot.lookup("#drill-band").query().isVisible()).as("no band before a drill").isFalse();

        // File → New Drill…: the incident dialog with the bundled scenario chosen; drills are listed apart.
        fx(() -> console.view().showNewDrill());
        Window picker = dialog(robot, "incident-picker");
        Node pickerRoot = picker.getScene().getRoot();
        ComboBox<?> scenario = robot.from(pickerRoot).lookup("#drill-scenario").query();
        assertThat(scenario.getValue()).isEqualTo("package-update-regresses-auth");
        robot.clickOn(robot.from(pickerRoot).lookup("#operator-name").queryAs(TextField.class)).write("ana");
        robot.clickOn(robot.from(pickerRoot).lookup("#start-new-drill").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(console.model().session().incidentProperty().get().metadata().drill()).isTrue();

        // 1. Unmistakable: the band, the now strip's heading.
        Node band = robot.lookup("#drill-band").query();
        assertThat(band.isVisible()).isTrue();
        assertThat(text(robot, "#drill-text")).startsWith("DRILL — a rehearsal, not a real incident")
                .contains("scenario “The package update regresses auth”");
        assertThat(text(robot, "#drill-run-mode")).isEqualTo("Commands run through stubs");
        assertThat(robot.lookup(".now-heading").queryAs(Label.class).getText()).isEqualTo("DRILL · NOW");
        screenshot(stage.getScene(), "drill-band");

        // 2. Phase 2 of #330 starts (its gates overridden for the game day); the scenario waits for it.
        clock.advance(Duration.ofMinutes(1));
        record(new EventPayload.GateOverridden("p330-2", "dependencies", "game day starts at phase 2"));
        record(new EventPayload.GateOverridden("p330-2", "approval", "game day starts at phase 2"));
        record(new EventPayload.PhaseStarted("p330-2"));
        fx(() -> console.drill().tick());
        assertThat(text(robot, "#drill-next")).startsWith("Next scripted: adapter_calls rises +40% over 2m in 5m");

        // 3. Eight minutes on the driven clock: metrics climb, Google OAuth fails, the scripted alert fires.
        clock.advance(Duration.ofMinutes(8));
        fx(() -> console.drill().tick());
        waitUntil("scenario played", () -> state().openAlerts().size() == 1);
        assertThat(state().latestOutcome("p330-2", "t330-p2", "t330-p2.check-2")).contains(TestOutcome.FAIL);
        waitUntil("the scripted alert in the banner", () -> !robot.lookup(".alert-text").queryAll().isEmpty());
        Label alert = robot.lookup(".alert-text").queryAs(Label.class);
        assertThat(alert.getText()).contains("[drill scenario] Convex error rate spikes");
        assertThat(text(robot, "#drill-next")).isEqualTo("Scenario played out");
        screenshot(stage.getScene(), "drill-scripted-alert");

        // 4. The operator rolls Phase 2 back: the whole script runs through the stubs; npm install fails as scripted.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#rollback-target-rb330-phase2");
        TextField directory = robot.lookup("#rollback-working-directory").queryAs(TextField.class);
        fx(() -> directory.setText(home.toString()));
        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Button run = robot.lookup("#rollback-run").queryButton();
        fx(run::requestFocus);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        Window confirmation = dialog(robot, "run-confirmation");
        Button confirm = robot.from(confirmation.getScene().getRoot()).lookup("#run-confirm").queryButton();
        fx(confirm::requestFocus);
        robot.type(KeyCode.SPACE);
        waitUntil("stubbed run recorded", () -> state().events().stream().anyMatch(e ->
                e.payload() instanceof EventPayload.ScriptRun r && r.wasStubbed()));
        EventPayload.ScriptRun stubbed = state().events().stream().map(e -> e.payload())
                .filter(EventPayload.ScriptRun.class::isInstance).map(EventPayload.ScriptRun.class::cast)
                .findFirst().orElseThrow();
        assertThat(stubbed.exitCode()).isEqualTo(1);
        EventPayload.CommandGenerated generated = state().events().stream().map(e -> e.payload())
                .filter(EventPayload.CommandGenerated.class::isInstance).map(EventPayload.CommandGenerated.class::cast)
                .reduce((first, second) -> second).orElseThrow();
        assertThat(generated.script()).as("a drill's script says so, so a pasted copy is not taken for a real one")
                .contains("(DRILL: a rehearsal, not a real incident)");
        assertThat(stubbed.outputTail()).isEqualTo(String.join("\n",
                "[drill] would run: git checkout 'HEAD~1' package.json package-lock.json",
                "[drill] would run: npm install",
                "npm ERR! code ECONNRESET",
                "npm ERR! network aborted while fetching better-auth-1.3.34.tgz"));
        waitUntil("run status shown", () -> text(robot, "#rollback-run-status").startsWith("DRILL, through the stubs"));
        assertThat(text(robot, "#rollback-run-status")).startsWith("DRILL, through the stubs: Exit code 1")
                .contains("recorded in the journal as a stubbed run");
        screenshot(stage.getScene(), "drill-stubbed-run");

        // 5. The 24-hour watch of Phase 2 is fast-forwarded from the band, and labelled so.
        GuidedStep watch = state().plan().phase("p330-2").orElseThrow().guidedSteps().stream()
                .filter(s -> s.waitFor() != null).findFirst().orElseThrow();
        record(new EventPayload.WaitStarted("p330-2", watch.id(), watch.waitFor()));
        clock.advance(Duration.ofSeconds(1));
        fx(() -> console.drill().tick());
        Button fastForward = robot.lookup("#drill-fast-forward").queryButton();
        assertThat(fastForward.getText()).isEqualTo("Fast-forward 23h 59m");
        assertThat(fastForward.isDisabled()).isFalse();
        robot.clickOn(fastForward);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(state().events()).anySatisfy(e -> assertThat(e.payload())
                .isEqualTo(new DrillEvents.DrillClockAdvanced(Duration.ofHours(24).minusSeconds(1),
                        "fast-forwarded from the console")));
        assertThat(console.drill().current().orElseThrow().waitClock()
                .status(state().phase("p330-2").waits().get(watch.id())).fastForwarded()).isTrue();
        assertThat(text(robot, "#drill-text")).contains("clock +23h 59m fast-forwarded in drill");
        assertThat(state().phase("p330-2").status()).isNotEqualTo(PhaseStatus.COMPLETE);

        // 6. The drill report, in the console: response times, the stubbed run, the trend.
        fx(() -> console.view().drillReportItem().fire());
        Window report = dialog(robot, "drill-report");
        // Drawn as a document: headings, tables, lead-ins and lists as such, not Markdown source.
        List<String> shown = fx(() -> texts(report.getScene().getRoot()));
        assertThat(shown).contains("DRILL — Drill report: Issue #324 & #330 Coordination Plan",
                        "#330 2: Package Updates", "the rollback decision", "Through stubs: ",
                        "•  #330 2: Package Updates: dependencies gate, by ana — game day starts at phase 2",
                        "Trend: every drill of this plan")
                .noneMatch(t -> t.startsWith("# ") || t.startsWith("## ") || t.startsWith("| ") || t.contains("**"));
        assertThat(shown).anyMatch(t -> t.contains("23h 59m fast-forwarded in drill"));
        // Copy as Markdown: the report's Markdown, for a ticket.
        robot.clickOn("#drill-report-copy");
        String markdown = fx(() -> Clipboard.getSystemClipboard().getString());
        assertThat(markdown).startsWith("# DRILL — Drill report: Issue #324 & #330 Coordination Plan")
                .contains("| #330 2: Package Updates | +2d | +1m | 2d | not finished | — |")
                .contains("| the rollback decision | 2026-12-07 02:09 UTC | 0s |")
                .contains("**Through stubs:** 1 run")
                .contains("- #330 2: Package Updates: dependencies gate, by ana — game day starts at phase 2")
                .contains("23h 59m fast-forwarded in drill")
                .contains("## Trend: every drill of this plan");
        screenshot(report.getScene(), "drill-report");
        fx(() -> console.model().themeProperty().set(Theme.LIGHT));
        fx(() -> report.getScene().getStylesheets().setAll(Theme.LIGHT.stylesheets()));
        screenshot(stage.getScene(), "drill-band-light");

        // The picker lists the drill apart from real incidents.
        fx(() -> console.view().showIncidentPicker());
        Window again = dialog(robot, "incident-picker");
        ListView<?> drills = robot.from(again.getScene().getRoot()).lookup("#drill-list").queryAs(ListView.class);
        ListView<?> incidents = robot.from(again.getScene().getRoot()).lookup("#incident-list").queryAs(ListView.class);
        waitUntil("listed", () -> drills.getItems().size() == 1);
        assertThat(incidents.getItems()).isEmpty();
    }

}
