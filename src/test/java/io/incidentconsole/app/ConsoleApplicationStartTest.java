package io.incidentconsole.app;

import io.incidentconsole.cli.StartRequest;
import io.incidentconsole.ui.fixture.Screenshots;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real application start, as the desktop entry does it (no plan argument: the bundled plan): the window first
 * shows the startup frame, then the console is built into the same window, reads the plan and offers the incident
 * dialog.
 */
class ConsoleApplicationStartTest {

    @TempDir
    Path home;

    private Application application;

    @AfterEach
    void stop() throws Exception {
        if (application != null) {
            FxToolkit.cleanupApplication(application);
        }
        FxToolkit.cleanupStages();
        // The toolkit keeps one primary stage for every test; the application bound its title.
        Stage primary = FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> primary.titleProperty().unbind()).get();
    }

    @Test
    void showsTheStartupFrameFirstThenTheConsoleWithTheBundledPlanInTheSameWindow() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        List<String> roots = new CopyOnWriteArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> stage.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                roots.add(describe(scene.getRoot()));
                scene.rootProperty().addListener((o, was, root) -> roots.add(describe(root)));
            }
        })).get();

        application = FxToolkit.setupApplication(
                () -> new ConsoleApplication(new StartRequest(null, home, null, null, null, null, null)));

        FxRobot robot = new FxRobot();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#start-new-incident").tryQuery().isPresent());
        assertThat(roots).containsExactly("startup-frame", "main-window");
        assertThat(robot.from(stage.getScene().getRoot()).lookup(".plan-title").queryAs(Label.class).getText())
                .isEqualTo("Issue #324 & #330 Coordination Plan");
        assertThat(stage.getTitle()).isEqualTo("Incident Console — Issue #324 & #330 Coordination Plan");
        // The full theme is on the scene now, not only the startup frame's two style sheets.
        assertThat(stage.getScene().getStylesheets()).hasSizeGreaterThan(2);
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), "app-started-console")).get();

        // The incident dialog that follows the plan works: starting an incident writes its journal.
        Window picker = robot.lookup("#start-new-incident").queryAs(Button.class).getScene().getWindow();
        assertThat(picker).isNotSameAs(stage);
        robot.clickOn(robot.from(picker.getScene().getRoot()).lookup("#operator-name").queryAs(TextField.class))
                .write("ana");
        robot.clickOn(robot.from(picker.getScene().getRoot()).lookup("#start-new-incident").queryButton());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !picker.isShowing());
        try (var files = Files.walk(home)) {
            assertThat(files.anyMatch(p -> p.getFileName().toString().endsWith(".jsonl"))).isTrue();
        }
        // Once the incident is open and drawn, its ticks are rehearsed in the background (TickWarmUp, ~1 s).
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("tick-warm-up")));
    }

    @Test
    void aPlanThatCannotBeOpenedShowsItsProblemsWithoutTheIncidentDialogOnTop() throws Exception {
        Path broken = home.resolve("broken.yaml");
        Files.writeString(broken, "plan:\n  title: Broken\nphases:\n  - id: p1\n    name: [unclosed\n");
        FxToolkit.registerPrimaryStage();
        application = FxToolkit.setupApplication(
                () -> new ConsoleApplication(new StartRequest(broken, home, null, null, null, null, null)));

        FxRobot robot = new FxRobot();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> showing(robot, "plan-problems"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(showing(robot, "plan-problems")).isTrue();
        // Owned by the console's window (the plan read ahead is refused in the same pulse the console comes in).
        Stage problems = robot.listTargetWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && "plan-problems".equals(s.getProperties().get("incident-console.dialog")))
                .map(Stage.class::cast).findFirst().orElseThrow();
        assertThat(problems.getOwner()).as("owner").isNotNull();
        assertThat(((Stage) problems.getOwner()).getScene().getRoot().getStyleClass()).contains("main-window");
        assertThat(robot.lookup("#start-new-incident").tryQuery()).as("no incident dialog over the problems").isEmpty();
        assertThat(robot.lookup("#status-message").queryAs(Label.class).getText())
                .startsWith("Could not open " + broken);
    }

    private static boolean showing(FxRobot robot, String dialog) {
        return robot.listTargetWindows().stream().anyMatch(w -> w instanceof Stage s && s.isShowing()
                && dialog.equals(s.getProperties().get("incident-console.dialog")));
    }

    private static String describe(Parent root) {
        if (root.getStyleClass().contains("startup-frame")) {
            return "startup-frame";
        }
        return root.getStyleClass().contains("main-window") ? "main-window" : root.getStyleClass().toString();
    }
}
