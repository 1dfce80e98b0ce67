package io.incidentconsole.ui.board;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.ui.common.MeasuredOncePane;
import io.incidentconsole.ui.metrics.LiveReadings;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.HBox;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A card's task and criterion lines answer for their sizes from memory (a tick measures only its own line again;
 * MeasuredOncePaneTest checks that a change inside is measured again): after a tick adds "by ana" beside a box, and
 * after the window narrows so that a long task wraps on more lines, every line is as tall as its content measured
 * afresh for its width.
 */
@ExtendWith(ApplicationExtension.class)
class PhaseCardLineSizesTest {

    @TempDir
    static Path data;

    private StartedPhaseBoard board;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // The bundled plan's tasks are short: the first one is made long enough to wrap in a narrow window.
        board = new StartedPhaseBoard(data, LiveReadings.NONE, text -> text.replace(
                "Fix `getMembersForAllOrganizations` N+1 (77K → 7.7K calls)",
                "Fix `getMembersForAllOrganizations` N+1 (77K → 7.7K calls)" + " and read every member once".repeat(6)));
        board.show(stage, 1600, 700);
    }

    @AfterEach
    void close() throws Exception {
        board.close();
    }

    @Test
    void everyLineIsAsTallAsItsContentAfterATickAndANarrowerWindow(FxRobot robot) throws Exception {
        List<CheckBox> boxes = robot.lookup(node -> node instanceof CheckBox && node.getId() != null
                && (node.getId().startsWith("task-p330-1-") || node.getId().startsWith("criterion-p330-1-"))).queryAllAs(CheckBox.class).stream().toList();
        assertThat(boxes).hasSizeGreaterThan(2);
        assertLinesFitTheirContent(boxes);
        double wideHeight = totalHeight(boxes);

        String taskId = board.plan.phase("p330-1").orElseThrow().tasks().get(0).id();
        WaitForAsyncUtils.asyncFx(() -> board.session.incidentProperty().get()
                .record(new EventPayload.TaskTicked("p330-1", taskId))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(boxes.get(0).isSelected()).isTrue();
        assertThat(robot.lookup("#task-by-" + PhaseCardNode.nodeId(taskId)).queryLabeled().getText())
                .startsWith("by ");
        assertLinesFitTheirContent(boxes);

        WaitForAsyncUtils.asyncFx(() -> stage.setWidth(520)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertLinesFitTheirContent(boxes);
        assertThat(totalHeight(boxes)).as("the long task wraps on more lines").isGreaterThan(wideHeight + 10);
    }

    private static void assertLinesFitTheirContent(List<CheckBox> boxes) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            for (CheckBox box : boxes) {
                MeasuredOncePane line = line(box);
                HBox content = (HBox) line.getChildren().get(0);
                double fresh = content.prefHeight(line.getWidth()) + line.snappedTopInset()
                        + line.snappedBottomInset();
                assertThat(line.getHeight()).as(box.getId()).isCloseTo(fresh, within(0.5));
            }
        }).get();
    }

    private static double totalHeight(List<CheckBox> boxes) {
        return boxes.stream().mapToDouble(box -> line(box).getHeight()).sum();
    }

    private static MeasuredOncePane line(Node box) {
        return (MeasuredOncePane) box.getParent().getParent();
    }
}
