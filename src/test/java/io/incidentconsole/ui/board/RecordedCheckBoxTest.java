package io.incidentconsole.ui.board;

import io.incidentconsole.ui.metrics.LiveReadings;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task's box asks for the tick and shows it once it is recorded: it never ticks itself and springs back (that
 * change drew nothing, and cost a whole-window paint on every tick).
 */
@ExtendWith(ApplicationExtension.class)
class RecordedCheckBoxTest {

    @TempDir
    static Path data;

    private StartedPhaseBoard board;

    @Start
    void start(Stage stage) {
        board = new StartedPhaseBoard(data, LiveReadings.NONE);
        board.show(stage, 1200, 800);
    }

    @AfterEach
    void close() throws Exception {
        board.close();
    }

    @Test
    void aClickAsksAndTheBoxShowsTheRecordedTickOnce(FxRobot robot) throws Exception {
        CheckBox box = robot.lookup("#task-p330-1-task-1").queryAs(CheckBox.class);
        List<Boolean> shown = new ArrayList<>();
        box.selectedProperty().addListener((obs, was, now) -> shown.add(now));

        WaitForAsyncUtils.asyncFx(box::fire).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shown).as("what the box showed").containsExactly(true);
        assertThat(board.session.stateProperty().get().phase("p330-1").tickedTasks()).contains("p330-1.task-1");

        WaitForAsyncUtils.asyncFx(box::fire).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shown).containsExactly(true, false);
        assertThat(board.session.stateProperty().get().phase("p330-1").tickedTasks()).doesNotContain("p330-1.task-1");
    }
}
