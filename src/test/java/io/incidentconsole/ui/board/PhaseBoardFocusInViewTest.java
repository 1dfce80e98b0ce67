package io.incidentconsole.ui.board;

import io.incidentconsole.ui.common.Theme;
import io.incidentconsole.ui.metrics.LiveReadings;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's first open task gets the keyboard when the board is shown, and it is scrolled into view: the first visit
 * focused it before the board was laid out, so it stayed below the fold and Space ticked a task nobody could see.
 */
@ExtendWith(ApplicationExtension.class)
class PhaseBoardFocusInViewTest {

    @TempDir
    static Path data;

    private StartedPhaseBoard board;
    private StackPane holder;

    @Start
    void start(Stage stage) {
        board = new StartedPhaseBoard(data, LiveReadings.NONE);
        // The board is not in the window yet: as on its first visit, it is shown and focused in one go, while the
        // navigation beside it has the keyboard.
        holder = new StackPane();
        Button navigation = new Button("Phase board");
        HBox.setHgrow(holder, Priority.ALWAYS);
        Scene scene = new Scene(new HBox(navigation, holder), 1100, 420);
        Theme.DARK.applyTo(scene);
        stage.setScene(scene);
        // The test stage is shared with earlier tests, which may have made it bigger: this test needs it this small.
        stage.sizeToScene();
        stage.show();
        navigation.requestFocus();
    }

    @AfterEach
    void close() throws Exception {
        board.close();
    }

    @Test
    void theFocusedTaskIsInView(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            holder.getChildren().setAll(board.view.root());
            board.view.activate();
            // MainWindowView: the shown area's skins first, then its first control, before a pulse lays it out.
            board.view.root().applyCss();
            board.view.focusFirstControl();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        Node focused = holder.getScene().getFocusOwner();
        assertThat(focused).isInstanceOf(CheckBox.class);
        assertThat(focused.getId()).startsWith("task-p330-1-");
        ScrollPane scroller = robot.lookup("#phase-board").queryAs(ScrollPane.class);
        Bounds viewport = scroller.localToScene(scroller.getLayoutBounds());
        Bounds box = focused.localToScene(focused.getLayoutBounds());
        assertThat(scroller.getVvalue()).as("scrolled").isGreaterThan(0);
        assertThat(box.getMinY()).as("top of the task").isGreaterThanOrEqualTo(viewport.getMinY());
        assertThat(box.getMaxY()).as("bottom of the task").isLessThanOrEqualTo(viewport.getMaxY());
    }
}
