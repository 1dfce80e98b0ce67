package io.incidentconsole.ui.board;

import io.incidentconsole.ui.common.ConsoleArea;
import io.incidentconsole.ui.fixture.ConsoleFixture;

import io.incidentconsole.app.ConsoleApplication.Console;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The board's status table folds away so the first card is at the top, and stays folded after a restart. */
@ExtendWith(ApplicationExtension.class)
class StatusTableToggleTest {

    @TempDir
    static Path home;

    private Console console;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = ConsoleFixture.show(stage, home);
    }

    private static Node holder(FxRobot robot) {
        return robot.lookup("#status-table-holder").query();
    }

    private static Node table(FxRobot robot) {
        return holder(robot).lookup(".outline-table");
    }

    @Test
    void hidingTheTableIsRememberedAcrossARestart(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            console.model().openBundledPlan();
            console.model().select(ConsoleArea.PHASE_BOARD);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        Button toggle = robot.lookup("#status-table-toggle").queryButton();
        assertThat(toggle.getText()).isEqualTo("Hide table");
        assertThat(table(robot).isVisible() && holder(robot).isVisible()).isTrue();

        robot.clickOn(toggle);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(toggle.getText()).isEqualTo("Show table");
        assertThat(holder(robot).isVisible()).as("table holder shown").isFalse();

        // A new console on the same settings: still folded.
        WaitForAsyncUtils.asyncFx(() -> {
            console = ConsoleFixture.show(stage, home);
            console.model().openBundledPlan();
            console.model().select(ConsoleArea.PHASE_BOARD);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#status-table-toggle").queryButton().getText()).isEqualTo("Show table");
        assertThat(holder(robot).isVisible()).isFalse();
        // Folded, it is not even built (hundreds of rows on a big plan); shown again, it is there.
        assertThat(table(robot)).isNull();
        robot.clickOn("#status-table-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(holder(robot).isVisible()).isTrue();
        assertThat(table(robot)).isNotNull();
    }
}
