package io.incidentconsole.ui.main;

import io.incidentconsole.ui.common.ConsoleArea;
import io.incidentconsole.ui.common.Theme;
import io.incidentconsole.ui.fixture.ConsoleFixture;
import io.incidentconsole.ui.fixture.Screenshots;

import io.incidentconsole.app.ConsoleApplication.Console;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders every area of the console on the bundled seed plan to target/screenshots/ (dark and light), and
 * fails when an image is blank. The images are for people to look at.
 */
@ExtendWith(ApplicationExtension.class)
class ViewScreenshotsTest {

    @TempDir
    static Path home;

    private Console console;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = ConsoleFixture.show(stage, home);
    }

    @Test
    void rendersEveryAreaOfTheBundledPlanInBothThemes(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> console.model().openBundledPlan());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".plan-title").queryAs(Label.class).getText())
                .isEqualTo("Issue #324 & #330 Coordination Plan");

        for (Theme theme : Theme.values()) {
            WaitForAsyncUtils.asyncFx(() -> console.model().themeProperty().set(theme)).get();
            for (ConsoleArea area : ConsoleArea.values()) {
                WaitForAsyncUtils.asyncFx(() -> console.model().select(area)).get();
                WaitForAsyncUtils.waitForFxEvents();
                String name = "main-" + area.name().toLowerCase(Locale.ROOT) + "-" + theme.name().toLowerCase(Locale.ROOT);
                int colours = snapshot(name);
                assertThat(colours).as("distinct colours in %s", name).isGreaterThan(20);
            }
        }
    }

    private int snapshot(String name) throws ExecutionException, InterruptedException {
        return WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), name)).get();
    }
}
