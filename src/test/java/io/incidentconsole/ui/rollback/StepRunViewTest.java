package io.incidentconsole.ui.rollback;

import io.incidentconsole.app.ConsoleApplication.Console;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.settings.AppDirectories;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.incident.CurrentPlan;
import io.incidentconsole.ui.fixture.Screenshots;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The step-by-step run in the real console on a harmless drill plan: a step that fails stops the run and offers
 * retry, edit a value and retry, skip and abort; the edited value makes the retry pass; a manual step is marked
 * done and the rollback is recorded as finished. An incident whose console died mid-step reopens with that step's
 * outcome unknown and the three decisions.
 */
@ExtendWith(ApplicationExtension.class)
class StepRunViewTest {

    @TempDir
    Path home;

    private Console console;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppDirectories dirs = new AppDirectories(home.resolve("data"), home.resolve("config"));
        // Work runs where it is started; results reach the FX thread as in the app (a step ends on its own thread).
        console = Console.create(dirs, new BackgroundTasks(Runnable::run, javafx.application.Platform::runLater));
        Scene scene = new Scene(console.view().root(), 1360, 1000);
        console.model().themeProperty().get().applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    private IncidentState state() {
        return console.model().session().stateProperty().get();
    }

    private static <T extends Node> T node(FxRobot robot, String query) {
        return robot.lookup(query).query();
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::get).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Incident openDrill(FxRobot robot, EventPayload... before) throws Exception {
        Files.writeString(home.resolve("release-notes.txt"), "1.4.18: login fixed\n");
        fx(() -> console.model().openPlan(plan()));
        CurrentPlan current = console.model().currentPlan().orElseThrow(() -> new AssertionError("plan did not load"));
        Incident[] opened = new Incident[1];
        fx(() -> {
            Incident incident = console.store().create(current.plan(), current.source(), current.text(), "ana");
            for (EventPayload payload : before) {
                incident.record(payload);
            }
            console.model().openIncident(incident);
            opened[0] = incident;
        });
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TextField directory = node(robot, "#rollback-working-directory");
        fx(() -> directory.setText(home.toString()));
        return opened[0];
    }

    private void reveal(FxRobot robot, String query) throws Exception {
        Node target = node(robot, query);
        ScrollPane scroller = (ScrollPane) console.view().root().lookup(".rollback-scroller");
        fx(() -> {
            double contentHeight = scroller.getContent().getBoundsInLocal().getHeight();
            double y = scroller.getContent().sceneToLocal(target.localToScene(0, 0)).getY();
            double viewport = scroller.getViewportBounds().getHeight();
            scroller.setVvalue(Math.max(0, Math.min(1, (y - 40) / Math.max(1, contentHeight - viewport))));
        });
    }

    private static Label badge(FxRobot robot, String row) {
        return (Label) ((Node) robot.lookup(row).query()).lookup(".step-badge");
    }

    private String prompt(FxRobot robot) {
        return ((Label) node(robot, "#step-prompt")).getText();
    }

    @Test
    void aFailedStepOffersItsChoicesAndAnEditedValueMakesTheRetryPass(FxRobot robot) throws Exception {
        openDrill(robot);
        assertThat(prompt(robot)).isEqualTo("Next: step 1 — Announce the rollback");
        assertThat(((Label) node(robot, "#step-next-command")).getText()).isEqualTo("$ echo rolling back to '1.4.18'");
        assertThat(((Button) node(robot, "#step-run-button")).getText()).isEqualTo("Run step 1");

        reveal(robot, "#step-run-button");
        robot.clickOn("#step-run-button");
        waitUntil(() -> prompt(robot).startsWith("Next: step 2"));
        assertThat(((Label) node(robot, "#step-next-command")).getText()).isEqualTo("$ cat 'missing-notes.txt'");

        robot.clickOn("#step-run-button");
        waitUntil(() -> prompt(robot).startsWith("Step 2 failed"));
        assertThat(prompt(robot)).isEqualTo("Step 2 failed (exit code 1). The run stopped here.");
        assertThat(((Button) node(robot, "#step-run-button")).getText()).isEqualTo("Retry step 2");
        for (String choice : new String[]{"#step-run-button", "#step-retry-with", "#step-skip", "#step-abort"}) {
            assertThat(node(robot, choice).isVisible()).as(choice).isTrue();
        }
        assertThat(node(robot, "#step-skip").isDisabled()).as("skip needs a reason").isTrue();
        assertThat(node(robot, "#step-ran").isVisible()).isFalse();
        assertThat(state().events()).extracting(e -> e.payload().getClass().getSimpleName())
                .containsSubsequence("RollbackStarted", "StepStarted", "StepFinished", "StepStarted", "StepFinished");
        waitUntil(() -> ((javafx.scene.control.TextArea) node(robot, "#step-output")).getText()
                .contains("missing-notes.txt: No such file or directory"));
        Label row2 = badge(robot, "#step-row-2");
        assertThat(row2.getText()).isEqualTo("FAILED");
        reveal(robot, "#step-panel");
        fx(() -> Screenshots.save(stage.getScene(), "step-run-failed"));

        ComboBox<String> parameter = node(robot, "#step-edit-parameter");
        assertThat(parameter.getValue()).as("the value the failing step uses comes first").isEqualTo("notes");
        assertThat(parameter.getItems()).containsExactly("notes", "release");
        assertThat(node(robot, "#step-run-button").isFocused()).as("the keyboard is on Retry").isTrue();
        assertThat(((TextField) node(robot, "#step-edit-value")).getText()).isEqualTo("missing-notes.txt");
        fx(() -> ((TextField) node(robot, "#step-edit-value")).setText("release-notes.txt"));
        robot.clickOn("#step-retry-with");
        waitUntil(() -> prompt(robot).startsWith("Step 3 is done by hand"));
        assertThat(state().events().stream().map(e -> e.payload())
                .filter(p -> p instanceof EventPayload.StepStarted).map(p -> ((EventPayload.StepStarted) p).command())
                .toList()).containsExactly("echo rolling back to '1.4.18'", "cat 'missing-notes.txt'",
                "cat 'release-notes.txt'");

        robot.clickOn("#step-mark-done");
        waitUntil(() -> prompt(robot).equals("Every step is done."));
        assertThat(state().rollbacks()).singleElement().satisfies(r -> {
            assertThat(r.succeeded()).isTrue();
            assertThat(r.finishNote()).isEqualTo("all 3 steps done step by step");
        });
        Path logs = console.model().session().incidentProperty().get().directory().resolve("steps/steps-undo");
        try (var files = Files.walk(logs)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("step-01-attempt-1.log", "step-02-attempt-1.log", "step-02-attempt-2.log");
        }
    }

    @Test
    void aStepLeftRunningByADeadConsoleNeedsADecisionBeforeTheRunGoesOn(FxRobot robot) throws Exception {
        // What a console killed in the middle of step 2 leaves in the journal: step 1 done, step 2 started.
        openDrill(robot,
                new EventPayload.RollbackStarted("steps", "steps-undo", "step by step, one process per step"),
                new EventPayload.StepStarted("r1", "steps", "steps-undo", "steps-undo.announce", 1,
                        "Announce the rollback", "echo rolling back to '1.4.18'", 1, Duration.ofMinutes(10)),
                new EventPayload.StepFinished("r1", "steps-undo", "steps-undo.announce", 1, 0, false, false,
                        Duration.ofMillis(40), "rolling back to 1.4.18", null),
                new EventPayload.StepStarted("r1", "steps", "steps-undo", "steps-undo.notes", 2,
                        "Read the release notes back", "cat 'missing-notes.txt'", 1, Duration.ofMinutes(2)));

        assertThat(prompt(robot)).startsWith("Step 2: outcome unknown — check before retrying.");
        Label badge = badge(robot, "#step-row-2");
        assertThat(badge.getText()).isEqualTo("UNKNOWN");
        assertThat(badge(robot, "#step-row-1").getText())
                .isEqualTo("SUCCEEDED");
        for (String choice : new String[]{"#step-ran", "#step-did-not-run", "#step-run-again"}) {
            assertThat(node(robot, choice).isVisible()).as(choice).isTrue();
        }
        assertThat(node(robot, "#step-run-button").isVisible()).as("no plain run while the outcome is unknown")
                .isFalse();
        reveal(robot, "#step-panel");
        fx(() -> Screenshots.save(stage.getScene(), "step-run-resume"));

        robot.clickOn("#step-ran");
        waitUntil(() -> prompt(robot).startsWith("Step 3 is done by hand"));
        assertThat(state().events().get(state().events().size() - 1).payload())
                .isEqualTo(new EventPayload.StepOutcomeDecided("r1", "steps-undo", "steps-undo.notes",
                        EventPayload.StepDecision.RAN, null));
        assertThat(badge(robot, "#step-row-2").getText())
                .isEqualTo("MARKED RAN");
    }

    private static Path plan() {
        try {
            return Path.of(StepRunViewTest.class.getResource("/plans/step-drill.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
