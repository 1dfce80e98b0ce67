package io.incidentconsole.ui.metrics;

import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;

/**
 * A chart's colours from the palette: hidden rectangles styled {@code chart-series}, {@code chart-baseline}, …
 * take their fill from the {@code -ic-chart-*} names in styles/metrics.css, and drawing reads those fills.
 */
final class ChartPalette {

    private final Rectangle series = swatch("chart-series");
    private final Rectangle baseline = swatch("chart-baseline");
    private final Rectangle target = swatch("chart-target");
    private final Rectangle threshold = swatch("chart-threshold");
    private final Rectangle marker = swatch("chart-marker");
    private final Rectangle grid = swatch("chart-grid");
    private final Rectangle text = swatch("chart-text");
    private final Rectangle stale = swatch("chart-stale");
    private final Pane swatches = new Pane(series, baseline, target, threshold, marker, grid, text, stale);

    /** {@code restyled}: called when a colour changes (a theme switch), so the chart is drawn again. */
    ChartPalette(Runnable restyled) {
        swatches.setManaged(false);
        swatches.setVisible(false);
        for (Node swatch : swatches.getChildren()) {
            ((Rectangle) swatch).fillProperty().addListener(obs -> restyled.run());
        }
    }

    /** The hidden swatches; they must be in the scene for the style sheet to reach them. */
    Node swatches() {
        return swatches;
    }

    Paint series() {
        return fill(series);
    }

    Paint baseline() {
        return fill(baseline);
    }

    Paint target() {
        return fill(target);
    }

    Paint threshold() {
        return fill(threshold);
    }

    Paint marker() {
        return fill(marker);
    }

    Paint grid() {
        return fill(grid);
    }

    Paint text() {
        return fill(text);
    }

    Paint stale() {
        return fill(stale);
    }

    static Paint withOpacity(Paint paint, double opacity) {
        return paint instanceof Color c ? Color.color(c.getRed(), c.getGreen(), c.getBlue(), opacity) : paint;
    }

    private static Paint fill(Rectangle swatch) {
        Paint paint = swatch.getFill();
        return paint == null ? Color.GRAY : paint;
    }

    private static Rectangle swatch(String styleClass) {
        Rectangle swatch = new Rectangle(1, 1);
        swatch.getStyleClass().add(styleClass);
        return swatch;
    }
}
