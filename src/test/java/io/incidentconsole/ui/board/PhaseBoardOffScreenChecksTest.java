package io.incidentconsole.ui.board;

import io.incidentconsole.metrics.Freshness;
import io.incidentconsole.plan.Criterion;
import io.incidentconsole.ui.common.FocusScrolling;
import io.incidentconsole.ui.fixture.ControlledReadings;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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
 * A live check on a card below the fold waits until the card comes on screen: a change JavaFX cannot see on screen
 * makes its software pipeline paint the whole window, and a live value changes every second.
 */
@ExtendWith(ApplicationExtension.class)
class PhaseBoardOffScreenChecksTest {

    @TempDir
    static Path data;

    private final ControlledReadings readings = new ControlledReadings();
    private StartedPhaseBoard board;
    private String criterionNode;

    @Start
    void start(Stage stage) {
        board = new StartedPhaseBoard(data, readings);
        Criterion calls = board.plan.phase("p330-1").orElseThrow().successCriteria().stream()
                .filter(c -> c.when() != null).findFirst().orElseThrow();
        criterionNode = PhaseCardNode.nodeId(calls.id());
        // Low enough that the first card's success criteria are below the fold, under the status table.
        board.show(stage, 1200, 300);
    }

    @AfterEach
    void close() throws Exception {
        board.close();
    }

    @Test
    void aCheckBelowTheFoldIsShownWhenItsCardComesOnScreen(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Label says = robot.lookup("#criterion-check-" + criterionNode).queryAs(Label.class);
        ScrollPane scroller = robot.lookup("#phase-board").queryAs(ScrollPane.class);
        assertThat(says.localToScene(says.getLayoutBounds()).getMinY())
                .as("the check is below the fold").isGreaterThan(scroller.localToScene(scroller.getLayoutBounds()).getMaxY());
        String before = says.getText();

        WaitForAsyncUtils.asyncFx(() -> readings.set("convex_calls", 3_100_000, Freshness.State.LIVE)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(says.getText()).as("off screen").isEqualTo(before);

        WaitForAsyncUtils.asyncFx(() -> FocusScrolling.reveal(scroller, says)).get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(scroller.getVvalue()).as("scrolled to it").isGreaterThan(0);
        assertThat(says.getText()).as("on screen").contains("3.1M", "does not hold");
    }
}
