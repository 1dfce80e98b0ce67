package io.incidentconsole.ui.reports;

import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.ui.common.CurrentPlan;
import io.incidentconsole.ui.fixture.ConsoleFixture;
import io.incidentconsole.fixture.MovableClock;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.fixture.Screenshots;

import io.incidentconsole.app.ConsoleApplication.Console;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.UpdateRecord;
import io.incidentconsole.report.ReportFormat;
import io.incidentconsole.settings.AppDirectories;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stakeholder update reminder in the real console, on a clock the test moves: "due in" while the emergency
 * phase runs, unmistakably overdue once the hour has passed, and reset by composing and publishing an update.
 */
@ExtendWith(ApplicationExtension.class)
class ReportsViewTest {

    private static final Instant START = Instant.parse("2026-01-29T09:00:00Z");

    @TempDir
    static Path home;

    private final MovableClock clock = new MovableClock(START);
    private Console console;
    private Stage stage;

    /** A clock the test sets; read from the FX thread. */
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

    @Stop
    void stop() {
        console.closeMetrics().run();
    }

    private Label reminder(FxRobot robot) {
        return robot.lookup("#cadence-reminder").queryAs(Label.class);
    }

    private void at(long minutes, long seconds) {
        clock.set(START.plus(Duration.ofMinutes(minutes).plusSeconds(seconds)));
    }

    private void record(EventPayload payload) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> console.model().session().record(payload)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private IncidentState state() {
        return console.model().session().stateProperty().get();
    }

    private void startIncident() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> console.model().openBundledPlan()).get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            CurrentPlan plan = console.model().currentPlan().orElseThrow();
            console.model().openIncident(console.store().create(plan.plan(), plan.source(), plan.text(), "ana"));
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theReminderCountsDownTurnsOverdueAndPublishingResetsIt(FxRobot robot) throws Exception {
        assertThat(reminder(robot).isVisible()).as("no incident, no reminder").isFalse();
        startIncident();
        assertThat(reminder(robot).getText()).isEqualTo("No stakeholder update due now · Ctrl+U composes one");

        at(10, 0);
        record(new EventPayload.SignOffGiven("approve-p330-1", "Lead", null));
        record(new EventPayload.PhaseStarted("p330-1"));
        at(12, 0);
        record(new EventPayload.UpdatePublished("github-330", "GitHub issue #330", "Phase 1 started"));

        at(30, 0);
        WaitForAsyncUtils.asyncFx(() -> console.reports().refresh()).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reminder(robot).getText()).isEqualTo("Next stakeholder update due in 40 min (10:10 UTC) · Stakeholders: "
                + "Stakeholder updates during #330 emergency (Phase 1-2), every hour while p330-1 runs · Ctrl+U to compose");
        assertThat(reminder(robot).getPseudoClassStates()).noneMatch(p -> p.getPseudoClassName().equals("overdue"));
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), "reports-reminder-due-dark")).get();

        // The once-a-second ticker notices the clock passing the due time by itself.
        at(75, 10);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> reminder(robot).getText().startsWith("UPDATE OVERDUE"));
        assertThat(reminder(robot).getText()).startsWith("UPDATE OVERDUE by 5 min (was due 10:10 UTC) · Stakeholders: ");
        assertThat(reminder(robot).getPseudoClassStates()).anyMatch(p -> p.getPseudoClassName().equals("overdue"));
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), "reports-reminder-overdue-dark")).get();

        // Ctrl+U composes the update for that cadence.
        robot.clickOn(reminder(robot));
        robot.press(KeyCode.CONTROL).type(KeyCode.U).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Window dialog = robot.listTargetWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing()
                        && "compose-update".equals(s.getProperties().get("incident-console.dialog")))
                .findFirst().orElseThrow(() -> new AssertionError("the compose dialog is not showing"));
        TextArea text = robot.from(dialog.getScene().getRoot()).lookup("#compose-text").queryAs(TextArea.class);
        assertThat(text.getText()).contains("# Status update: Issue #324 & #330 Coordination Plan")
                .contains("for Stakeholders: Stakeholder updates during #330 emergency (Phase 1-2)")
                .contains("- #330 1: Emergency N+1 Fixes: started 2026-01-29 09:10 UTC")
                .contains("SIMULATED");
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(dialog.getScene(), "reports-compose-dialog-dark")).get();

        // The operator edits the draft, then copies and publishes it from the keyboard.
        WaitForAsyncUtils.asyncFx(() -> text.appendText("\nEdited by the operator.\n")).get();
        Button publish = robot.from(dialog.getScene().getRoot()).lookup("#compose-copy-publish").queryButton();
        WaitForAsyncUtils.asyncFx(publish::requestFocus).get();
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialog.isShowing()).isFalse();
        UpdateRecord published = state().updates().get(state().updates().size() - 1);
        assertThat(published.cadenceId()).isEqualTo("emergency-stakeholders");
        assertThat(published.audience()).isEqualTo("Stakeholders");
        assertThat(published.text()).endsWith("Edited by the operator.\n");
        assertThat(published.at()).isEqualTo(START.plus(Duration.ofMinutes(75).plusSeconds(10)));
        assertThat(reminder(robot).getText()).startsWith("Next stakeholder update due in 1 h (11:15 UTC) · Stakeholders");
        assertThat(reminder(robot).getPseudoClassStates()).noneMatch(p -> p.getPseudoClassName().equals("overdue"));

        // Light theme: the overdue state must stay unmistakable there too.
        at(140, 0);
        WaitForAsyncUtils.asyncFx(() -> {
            console.model().toggleTheme();
            console.reports().refresh();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reminder(robot).getText()).startsWith("UPDATE OVERDUE by 5 min (was due 11:15 UTC)");
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), "reports-reminder-overdue-light")).get();

        // Export: the report is written for the incident as it stands.
        Path file = Files.createDirectory(home.resolve("exports")).resolve("pir.html");
        WaitForAsyncUtils.asyncFx(() -> console.reports().export(file, ReportFormat.HTML)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(console.reports().exportFailedProperty().get()).isFalse();
        assertThat(console.reports().exportMessageProperty().get()).isEqualTo("Post-incident report written to " + file);
        assertThat(Files.readString(file)).contains("<section id=\"updates\">")
                .contains("2026-01-29 10:15 UTC · ana to Stakeholders (emergency-stakeholders)");
        robot.type(KeyCode.ESCAPE);
    }

    /** Ctrl+U, the draft's status line, Esc. */
    private String composedStatus(FxRobot robot) {
        robot.clickOn(reminder(robot));
        robot.press(KeyCode.CONTROL).type(KeyCode.U).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Window dialog = robot.listTargetWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing()
                        && "compose-update".equals(s.getProperties().get("incident-console.dialog")))
                .findFirst().orElseThrow(() -> new AssertionError("the compose dialog is not showing"));
        String draft = robot.from(dialog.getScene().getRoot()).lookup("#compose-text").queryAs(TextArea.class)
                .getText();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.isShowing()).as("Esc closes the composer").isFalse();
        return draft.lines().filter(line -> line.startsWith("**Status:**")).findFirst().orElseThrow();
    }

    @Test
    void theComposerNeverSaysOnTrackWhileATestFailsOrAnAlertIsOpen(FxRobot robot) throws Exception {
        startIncident();
        at(10, 0);
        record(new EventPayload.SignOffGiven("approve-p330-1", "Lead", null));
        record(new EventPayload.PhaseStarted("p330-1"));
        assertThat(composedStatus(robot)).isEqualTo("**Status:** On track");

        record(new EventPayload.TestResultSet("t330-p1", "t330-p1.check-2", "p330-1",
                TestOutcome.FAIL, "still N+1"));
        assertThat(composedStatus(robot)).isEqualTo("**Status:** At risk: 1 test failing");

        record(new EventPayload.TestResultSet("t330-p1", "t330-p1.check-2", "p330-1",
                TestOutcome.PASS, "fixed"));
        record(new EventPayload.AlertFired("convex-900k", "convex_calls", 910_000.0, "Convex calls over 900K"));
        assertThat(composedStatus(robot)).isEqualTo("**Status:** At risk: 1 alert open");

        record(new EventPayload.AlertAcknowledged("convex-900k", "seen, fix deploying"));
        assertThat(composedStatus(robot)).as("acknowledged: no longer open").isEqualTo("**Status:** On track");
    }
}
