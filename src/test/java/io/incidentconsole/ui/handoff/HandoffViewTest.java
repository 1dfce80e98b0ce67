package io.incidentconsole.ui.handoff;

import io.incidentconsole.ui.fixture.ConsoleFixture;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.fixture.Screenshots;

import io.incidentconsole.app.ConsoleApplication.Console;
import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.settings.AppDirectories;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
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
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl+Shift+H on an incident of the bundled plan: the summary follows the watch-out notes as they are typed,
 * copying puts it on the clipboard and records it, saving refuses to replace a file without asking, and the
 * incoming operator's takeover changes the header and the name on later events.
 */
@ExtendWith(ApplicationExtension.class)
class HandoffViewTest {

    @TempDir
    Path home;

    private Console console;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppDirectories dirs = new AppDirectories(home.resolve("data"), home.resolve("config"));
        console = ConsoleFixture.console(ConsoleFixture.dependencies(dirs, BackgroundTasks.direct(), Clock.systemUTC()));
        Scene scene = new Scene(console.view().root(), 1360, 880);
        console.model().themeProperty().get().applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    private IncidentState state() {
        return console.model().session().stateProperty().get();
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::get).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Window dialog(FxRobot robot) {
        return robot.listWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing()
                        && "handoff".equals(s.getProperties().get("incident-console.dialog")))
                .findFirst().orElseThrow(() -> new AssertionError("the handoff dialog is not open"));
    }

    private static <T extends Node> T in(FxRobot robot, Window window, String query) {
        return robot.from(window.getScene().getRoot()).lookup(query).query();
    }

    @Test
    void theHandoffFollowsTheNotesIsRecordedAndTheIncomingOperatorTakesOver(FxRobot robot) throws Exception {
        fx(() -> console.model().openBundledPlan());
        var current = console.model().currentPlan().orElseThrow();
        fx(() -> {
            Incident incident = console.store().create(current.plan(), current.source(), current.text(), "ana");
            // Phase 1 starts once its approval is signed off (the lifecycle's approval gate).
            incident.record(new EventPayload.SignOffGiven("approve-p330-1", "Incident commander", null));
            incident.record(new EventPayload.PhaseStarted("p330-1"));
            incident.record(new EventPayload.ParameterEntered("commit", "4f2a9c1", "p330-1.step-6"));
            incident.record(new EventPayload.TestResultSet("t330-p1", "t330-p1.check-2", "p330-1", TestOutcome.FAIL,
                    "org list empty"));
            incident.record(new EventPayload.AlertFired("convex-calls-high", "convex_calls", 2_800_000.0,
                    "calls above 2.5M/day"));
            console.model().openIncident(incident);
        });
        assertThat(((Label) robot.lookup("#incident-holder").query()).getText()).startsWith("Held by ana since ");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H).release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Window handoff = dialog(robot);
        TextArea notes = in(robot, handoff, "#handoff-notes");
        assertThat(notes.isFocused()).as("the notes take the keyboard first").isTrue();
        robot.clickOn(notes).write("schema.ts conflicts");
        WaitForAsyncUtils.waitForFxEvents();
        String preview = ((TextArea) in(robot, handoff, "#handoff-preview")).getText();
        assertThat(preview).contains("## Watch out\n\n> schema.ts conflicts",
                "- **1: Emergency N+1 Fixes** — IN PROGRESS", "## Failing tests",
                "getMembersForAllOrganizations returns correct data — fail", "commit = 4f2a9c1",
                "convex-calls-high: Convex function calls = 2.8M calls/day (target 1M calls/day");
        fx(() -> Screenshots.save(handoff.getScene(), "handoff"));

        robot.clickOn(HandoffViewTest.<Node>in(robot, handoff, "#handoff-copy"));
        waitUntil(() -> state().lastEvent().orElseThrow().payload() instanceof EventPayload.HandoffShared);
        EventPayload.HandoffShared shared = (EventPayload.HandoffShared) state().lastEvent().orElseThrow().payload();
        assertThat(shared.action()).isEqualTo("copied");
        assertThat(shared.watchOut()).isEqualTo("schema.ts conflicts");
        String clipboard = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertThat(clipboard).startsWith("# Handoff: incident ").contains("> schema.ts conflicts");

        // Saving does not replace an existing file unless the operator says so (the dialog asks; here: the model).
        Path existing = Files.writeString(home.resolve("handoff.md"), "keep me");
        HandoffViewModel model = new HandoffViewModel(console.model().session(), Clock.systemUTC(),
                BackgroundTasks.direct(), () -> console.operators().get(), text -> { });
        fx(() -> model.save(existing, "x", false, () -> { }));
        assertThat(existing).hasContent("keep me");
        assertThat(model.messageProperty().get()).contains("already exists: nothing was written");
        // The one rule for written files: never inside the incident's folder, even when told to replace.
        Path insideIncident = console.model().session().incidentProperty().get().directory().resolve("handoff.md");
        fx(() -> model.save(insideIncident, "x", true, () -> { }));
        assertThat(insideIncident).doesNotExist();
        assertThat(model.messageProperty().get()).contains("is inside the incident folder");
        Path saved = Files.createDirectories(home.resolve("out")).resolve("handoff.md");
        fx(() -> model.save(saved, "saved note", false, () -> { }));
        assertThat(Files.readString(saved)).contains("> saved note");
        assertThat(state().lastEvent().orElseThrow().payload()).isInstanceOf(EventPayload.HandoffShared.class)
                .extracting(p -> ((EventPayload.HandoffShared) p).file()).isEqualTo(saved.toString());

        // The incoming operator takes over.
        TextField name = in(robot, handoff, "#handoff-new-operator");
        robot.clickOn(name).write("ben");
        robot.clickOn(HandoffViewTest.<Node>in(robot, handoff, "#handoff-take-over"));
        waitUntil(() -> ((Label) robot.lookup("#incident-holder").query()).getText().startsWith("Held by ben since "));
        Event takeover = state().lastEvent().orElseThrow();
        assertThat(takeover.operator()).isEqualTo("ben");
        assertThat(takeover.payload()).isEqualTo(new EventPayload.IncidentTakenOver("ana", "ben", null));
        assertThat(((Label) robot.lookup("#incident-holder").query()).getText()).endsWith("(took over)");
        assertThat(((Label) robot.lookup("#incident-line").query()).getText()).contains("operator ben");
        assertThat(console.operators().get().operator()).contains("ben");
        assertThat(((Label) robot.lookup("#status-message").query()).getText()).endsWith("as ben (took it over)");
        fx(() -> console.model().session().record(new EventPayload.NoteAdded(null, "ben here")));
        assertThat(state().lastEvent().orElseThrow().operator()).isEqualTo("ben");
        assertThat(((TextArea) in(robot, handoff, "#handoff-preview")).getText()).contains("Held by **ben**");
        fx(() -> Screenshots.save(stage.getScene(), "handoff-taken-over"));
    }

    @Test
    void notesTypedAndClosedWithoutCopyOrSaveAreThereWhenTheDialogReopens(FxRobot robot) throws Exception {
        fx(() -> console.model().openBundledPlan());
        var current = console.model().currentPlan().orElseThrow();
        fx(() -> console.model().openIncident(console.store().create(current.plan(), current.source(), current.text(),
                "ana")));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H).release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Node notes = in(robot, dialog(robot), "#handoff-notes");
        robot.clickOn(notes).write("revert of 4f2a9c1 conflicts in schema.ts");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.listWindows().stream().anyMatch(w -> w instanceof Stage s && s.isShowing()
                && "handoff".equals(s.getProperties().get("incident-console.dialog"))))
                .as("Esc closes the handoff dialog").isFalse();
        assertThat(state().lastEvent().orElseThrow().payload()).as("nothing recorded by closing")
                .isNotInstanceOf(EventPayload.HandoffShared.class);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H).release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Window again = dialog(robot);
        assertThat(((TextArea) in(robot, again, "#handoff-notes")).getText())
                .isEqualTo("revert of 4f2a9c1 conflicts in schema.ts");
        assertThat(((TextArea) in(robot, again, "#handoff-preview")).getText())
                .contains("> revert of 4f2a9c1 conflicts in schema.ts");
        robot.type(KeyCode.ESCAPE);

        // Another incident: its handoff starts without the first one's notes.
        fx(() -> console.model().openIncident(console.store().create(current.plan(), current.source(), current.text(),
                "ana")));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H).release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((TextArea) in(robot, dialog(robot), "#handoff-notes")).getText()).isEmpty();
        robot.type(KeyCode.ESCAPE);
    }
}
