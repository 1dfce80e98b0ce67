package io.incidentconsole.ui.plan;

import io.incidentconsole.plan.outline.Block;
import io.incidentconsole.ui.common.Theme;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A table with one column of long notes keeps its other columns readable (they wrap between words). */
@ExtendWith(ApplicationExtension.class)
class OutlineTableTest {

    private final StackPane holder = new StackPane();

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(holder, 1000, 600);
        Theme.DARK.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aColumnOfLongNotesDoesNotSqueezeThePhaseNamesAndTimesToALetterALine() throws Exception {
        String note = "gate overridden by ana: Audit already passed; CTO approved parallel work on the schema "
                + "cleanup while phase 2 is being tested";
        Block.Table table = new Block.Table(List.of("Phase", "Issue", "Status", "Started", "Completed", "Notes"),
                List.of(List.of("2: Package Updates", "#330", "PENDING", "-", "-", "After Phase 1"),
                        List.of("3: Code Cleanup", "#324", "IN PROGRESS", "2026-12-07 15:45 UTC", "-", note)), 2);
        double[] widths = WaitForAsyncUtils.asyncFx(() -> {
            GridPane grid = OutlineRenderer.table(table);
            holder.getChildren().setAll(grid);
            grid.applyCss();
            holder.layout();
            return new double[] {cell(grid, 0, 1).getLayoutBounds().getWidth(),
                    cell(grid, 3, 2).getLayoutBounds().getWidth(), cell(grid, 5, 2).getLayoutBounds().getWidth()};
        }).get();

        assertThat(widths[0]).as("phase names").isGreaterThanOrEqualTo(OutlineRenderer.MIN_TEXT_COLUMN - 1);
        assertThat(widths[1]).as("start times").isGreaterThanOrEqualTo(OutlineRenderer.MIN_TEXT_COLUMN - 1);
        assertThat(widths[2]).as("the notes take the rest").isGreaterThan(300);
    }

    private static Node cell(GridPane grid, int column, int row) {
        return grid.getChildren().stream()
                .filter(n -> GridPane.getColumnIndex(n) == column && GridPane.getRowIndex(n) == row)
                .findFirst().orElseThrow();
    }
}
