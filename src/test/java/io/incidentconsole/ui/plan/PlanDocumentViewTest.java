package io.incidentconsole.ui.plan;

import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.plan.PlanRead;
import io.incidentconsole.plan.outline.Block;
import io.incidentconsole.plan.outline.OutlineSection;
import io.incidentconsole.plan.outline.PlanOutline;
import io.incidentconsole.ui.common.ConsoleArea;
import io.incidentconsole.ui.common.Theme;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview's first batch fills the screen and stops a little below it, at a wide and a narrow window, whether the
 * document has been laid out before the plan comes (an area opened later) or not (the console's first plan); and the
 * height estimate it goes by errs short against the laid-out bundled plan.
 */
@ExtendWith(ApplicationExtension.class)
class PlanDocumentViewTest {

    private static final Plan BUNDLED = PlanRead.bundled(new PlanLoader()).result().plan();

    private Stage stage;
    private final SimpleObjectProperty<Plan> plan = new SimpleObjectProperty<>();
    private PlanDocumentView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.show();
    }

    /** The view in a window of its own; laid out before the plan comes when {@code layoutFirst}. */
    private double[] firstBatch(double width, double height, boolean layoutFirst) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            view = new PlanDocumentView(new PlanDocumentViewModel(plan, ConsoleArea.OVERVIEW));
            Scene scene = new Scene(new VBox(), width, height);
            Theme.DARK.applyTo(scene);
            stage.setScene(scene);
            ((VBox) scene.getRoot()).getChildren().setAll(view.root());
            VBox.setVgrow(view.root(), Priority.ALWAYS);
            view.activate();
            if (layoutFirst) {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
            }
            plan.set(BUNDLED);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            ScrollPane scroller = (ScrollPane) view.root();
            VBox body = (VBox) scroller.getContent();
            return new double[] {body.getLayoutBounds().getHeight(), scroller.getViewportBounds().getHeight(),
                    body.getPseudoClassStates().contains(PlanDocumentView.RENDERING) ? 1 : 0};
        }).get();
    }

    @Test
    void theFirstBatchFillsAWideWindowAndStopsSoonBelowIt() throws Exception {
        for (boolean layoutFirst : new boolean[] {true, false}) {
            double[] first = firstBatch(1150, 730, layoutFirst);
            assertThat(first[0]).as("document height against the viewport's %s (laid out first: %s)", first[1],
                    layoutFirst).isGreaterThanOrEqualTo(first[1]).isLessThanOrEqualTo(2.5 * first[1]);
            assertThat(first[2]).as("more to come").isEqualTo(1);
        }
    }

    @Test
    void theFirstBatchFillsANarrowShortWindowToo() throws Exception {
        for (boolean layoutFirst : new boolean[] {true, false}) {
            double[] first = firstBatch(640, 420, layoutFirst);
            assertThat(first[0]).as("document height against the viewport's %s (laid out first: %s)", first[1],
                    layoutFirst).isGreaterThanOrEqualTo(first[1]).isLessThanOrEqualTo(2.5 * first[1]);
        }
    }

    @Test
    void theEstimateErrsShortOfEverySectionAsLaidOut() throws Exception {
        for (double width : new double[] {1150, 700}) {
            firstBatch(width, 730, true);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !((ScrollPane) view.root()).getContent()
                    .getPseudoClassStates().contains(PlanDocumentView.RENDERING));
            List<String> ratios = WaitForAsyncUtils.asyncFx(() -> {
                ScrollPane scroller = (ScrollPane) view.root();
                scroller.applyCss();
                scroller.layout();
                DrawnHeights heights = new DrawnHeights(scroller.getViewportBounds().getWidth());
                List<String> out = new ArrayList<>();
                for (OutlineSection section : PlanOutline.of(BUNDLED)) {
                    Node drawn = scroller.getContent().lookup("#section-" + section.id().replace(':', '-'));
                    double estimate = heights.section(section);
                    for (Block block : section.blocks()) {
                        estimate += heights.block(block);
                    }
                    double actual = drawn.getLayoutBounds().getHeight() + DrawnHeights.BODY_SPACING;
                    out.add(String.format(Locale.ROOT, "%.2f %s", estimate / actual, section.id()));
                }
                return out;
            }).get();
            assertThat(ratios).as("estimate / laid out, at %s px", width).hasSize(PlanOutline.of(BUNDLED).size())
                    .allSatisfy(line -> assertThat(Double.parseDouble(line.split(" ")[0])).as(line)
                            .isBetween(0.6, 1.15));
        }
    }
}
