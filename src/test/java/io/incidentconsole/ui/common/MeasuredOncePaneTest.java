package io.incidentconsole.ui.common;

import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** A block measured once answers from memory until something inside it changes; then it is measured again. */
@ExtendWith(ApplicationExtension.class)
class MeasuredOncePaneTest {

    /** A child that counts how often it is measured. */
    private static final class Counted extends Region {
        int measured;

        /** Its height depends on its width, as wrapping text's does. */
        @Override
        public Orientation getContentBias() {
            return Orientation.HORIZONTAL;
        }

        @Override
        protected double computePrefHeight(double width) {
            measured++;
            return 1000 / Math.max(1, width);
        }
    }

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aBlockIsMeasuredOncePerWidthUntilItsContentAsksForLayout() throws Exception {
        Counted counted = new Counted();
        MeasuredOncePane pane = new MeasuredOncePane(counted);
        WaitForAsyncUtils.asyncFx(() -> {
            assertThat(pane.prefHeight(100)).isEqualTo(10);
            assertThat(pane.prefHeight(100)).isEqualTo(10);
            assertThat(pane.prefHeight(50)).isEqualTo(20);
            assertThat(pane.prefHeight(100)).isEqualTo(10);
            assertThat(counted.measured).as("once per width").isEqualTo(2);

            counted.requestLayout();
            assertThat(pane.prefHeight(100)).isEqualTo(10);
            assertThat(counted.measured).as("again after the content asked for layout").isEqualTo(3);
        }).get();
    }

    @Test
    void wrappedTextThatChangesIsMeasuredAgainAndLaidOutAtItsNewHeight() throws Exception {
        Label text = new Label("short");
        text.setWrapText(true);
        MeasuredOncePane measured = new MeasuredOncePane(text);
        Label sibling = new Label("a sibling");
        VBox column = new VBox(measured, sibling);
        // 200 wide whatever size the shared test window has (another test may have made it wider).
        column.setPrefWidth(200);
        column.setMaxWidth(200);
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setScene(new Scene(new VBox(column), 200, 400));
            stage.show();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        double oneLine = WaitForAsyncUtils.asyncFx(() -> measured.prefHeight(200)).get();

        WaitForAsyncUtils.asyncFx(() -> text.setText("a much longer text that wraps over several lines at this width, ".repeat(3)))
                .get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(WaitForAsyncUtils.asyncFx(() -> measured.prefHeight(200)).get()).isGreaterThan(oneLine * 2);
        // Laid out at its new height: the layout a pulse does, done here (pulses come at their own pace).
        double laidOut = WaitForAsyncUtils.asyncFx(() -> {
            column.getScene().getRoot().applyCss();
            column.getScene().getRoot().layout();
            return measured.getHeight();
        }).get();
        assertThat(laidOut).isGreaterThan(oneLine * 2);
    }
}
