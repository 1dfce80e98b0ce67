package io.incidentconsole.ui.metrics;

import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.QuantityFormat;
import io.incidentconsole.plan.Threshold;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Draws everything on a metric's chart around the data: axes, the baseline, target and alert levels with their
 * labels, phase markers, the simulated-data watermark and a message over the plot. The series itself is
 * {@link SeriesPainter}'s.
 */
final class ChartPainter {

    private static final Font AXIS_FONT = Font.font(11);
    private static final Font OVERLAY_FONT = Font.font(13);
    private static final double OVERLAY_LINE = 17;
    /** Level labels stay in this left part of the plot: the right edge shows the newest points. */
    private static final double LABEL_ZONE = 0.6;
    private static final Text MEASURE = new Text();

    private final Metric metric;
    private final ChartPalette palette;

    ChartPainter(Metric metric, ChartPalette palette) {
        this.metric = metric;
        this.palette = palette;
    }

    void drawAxes(GraphicsContext g, ChartScale s) {
        g.setFont(AXIS_FONT);
        g.setLineWidth(1);
        g.setFill(palette.text());
        g.setStroke(palette.grid());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double tick : ChartText.valueTicks(s.min(), s.max(), Math.max(2, (int) (s.height() / 40)))) {
            double y = Math.round(s.y(tick)) + 0.5;
            g.strokeLine(s.left(), y, s.left() + s.width(), y);
            g.fillText(QuantityFormat.compact(tick), s.left() - 6, y);
        }
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        long span = s.t1() - s.t0();
        for (long tick : ChartText.timeTicks(s.t0(), s.t1(), Math.max(2, (int) (s.width() / 110)))) {
            double x = Math.round(s.x(tick)) + 0.5;
            g.strokeLine(x, s.top() + s.height(), x, s.top() + s.height() + 4);
            g.fillText(ChartText.tick(tick, span), x, s.top() + s.height() + 6);
        }
        g.strokeRect(s.left() + 0.5, s.top() + 0.5, s.width(), s.height());
    }

    /** A horizontal line: baseline, target or an alert threshold. */
    record Level(double value, Paint paint, double[] dashes, String label) {
    }

    List<Level> levels() {
        List<Level> levels = new ArrayList<>();
        if (metric.baseline() != null) {
            levels.add(new Level(metric.baseline(), palette.baseline(), new double[]{6, 4},
                    "baseline " + QuantityFormat.compact(metric.baseline())));
        }
        if (metric.target() != null) {
            levels.add(new Level(metric.target(), palette.target(), new double[]{},
                    "target " + QuantityFormat.compact(metric.target())));
        }
        for (Threshold threshold : metric.thresholds()) {
            levels.add(new Level(threshold.value(), palette.threshold(), new double[]{2, 3},
                    "alert " + QuantityFormat.compact(threshold.value())));
        }
        return levels;
    }

    static void drawLevelLines(GraphicsContext g, ChartScale s, List<Level> levels) {
        g.setLineWidth(1.5);
        for (Level level : levels) {
            double y = Math.round(s.y(level.value())) + 0.5;
            g.setStroke(level.paint());
            g.setLineDashes(level.dashes());
            g.strokeLine(s.left(), y, s.left() + s.width(), y);
        }
        g.setLineDashes();
    }

    /**
     * Labels on a backing box, on the left (the oldest data) and never at the right edge, where the newest points
     * are: above its line, else below it, else after the labels already there, within the left part of the plot;
     * left out when none of that is free (the line still shows, the axis gives its value).
     */
    /** Draws the labels and returns where, each box {x, y, width, height}. */
    List<double[]> drawLevelLabels(GraphicsContext g, ChartScale s, List<Level> levels) {
        g.setFont(AXIS_FONT);
        g.setTextBaseline(VPos.CENTER);
        List<double[]> placed = new ArrayList<>();
        double rightmost = s.left() + s.width() * LABEL_ZONE;
        for (Level level : levels) {
            double line = Math.round(s.y(level.value())) + 0.5;
            double width = textWidth(level.label()) + 8;
            double[] box = null;
            for (double y : new double[]{Math.max(s.top() + 7, line - 8), Math.min(s.top() + s.height() - 7, line + 8)}) {
                double x = s.left() + 4;
                while (box == null && x + width <= rightmost) {
                    double[] candidate = {x, y - 7, width, 14};
                    double[] hit = placed.stream().filter(p -> overlaps(p, candidate)).findFirst().orElse(null);
                    if (hit == null) {
                        box = candidate;
                    } else {
                        x = hit[0] + hit[2] + 4;
                    }
                }
                if (box != null) {
                    break;
                }
            }
            if (box == null) {
                continue;
            }
            placed.add(box);
            g.setFill(ChartPalette.withOpacity(palette.grid(), 0.85));
            g.fillRoundRect(box[0], box[1], box[2], box[3], 4, 4);
            g.setFill(level.paint());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(level.label(), box[0] + 4, box[1] + 7);
        }
        return List.copyOf(placed);
    }

    /** Boxes as {x, y, width, height}. */
    private static boolean overlaps(double[] a, double[] b) {
        return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
    }

    void drawMarkers(GraphicsContext g, ChartScale s, List<PhaseMarker> markers) {
        g.setStroke(palette.marker());
        g.setFill(palette.marker());
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        // Labels of markers close together (a phase started and completed within minutes) go one row lower.
        double[] rowEnds = new double[4];
        Arrays.fill(rowEnds, Double.NEGATIVE_INFINITY);
        for (PhaseMarker marker : markers) {
            long t = marker.at().toEpochMilli();
            if (t < s.t0() || t > s.t1()) {
                continue;
            }
            double x = Math.round(s.x(t)) + 0.5;
            g.setLineDashes(marker.completed() ? new double[]{} : new double[]{4, 3});
            g.strokeLine(x, s.top(), x, s.top() + s.height());
            String label = marker.label() + (marker.completed() ? " done" : " started");
            double width = textWidth(label) + 6;
            double labelX = Math.min(x + 3, s.left() + s.width() - width);
            for (int row = 0; row < rowEnds.length; row++) {
                if (labelX >= rowEnds[row]) {
                    // On a backing box: a marker label stays readable over the data and the other markers' lines.
                    double labelY = s.top() + 2 + row * 15;
                    g.setFill(ChartPalette.withOpacity(palette.grid(), 0.9));
                    g.fillRoundRect(labelX, labelY - 1, width, 14, 4, 4);
                    g.setFill(palette.marker());
                    g.fillText(label, labelX + 3, labelY);
                    rowEnds[row] = labelX + width + 4;
                    break;
                }
            }
        }
        g.setLineDashes();
    }

    void drawSimulatedWatermark(GraphicsContext g, ChartScale s) {
        g.setFont(Font.font(null, FontWeight.BOLD, Math.max(18, Math.min(34, s.width() / 14))));
        g.setFill(ChartPalette.withOpacity(palette.marker(), 0.28));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("SIMULATED DATA", s.left() + s.width() / 2, s.top() + s.height() / 2);
        g.setFont(AXIS_FONT);
    }

    /**
     * A message in a box in the middle of the plot, wrapped onto as many lines as it needs (never squeezed: text
     * drawn into a box narrower than it is squashed sideways). Lines that do not fit the plot's height are cut, the
     * last one ending in "…"; the header's status line has the whole text.
     */
    /** Draws the message and returns its lines as drawn. */
    List<String> overlay(GraphicsContext g, ChartScale s, String text) {
        Text measure = new Text();
        measure.setFont(OVERLAY_FONT);
        ToDoubleFunction<String> width = line -> {
            measure.setText(line);
            return measure.getLayoutBounds().getWidth();
        };
        double maxText = Math.max(40, s.width() - 44);
        List<String> lines = new ArrayList<>(ChartText.wrap(text, maxText, width));
        int fits = Math.max(1, (int) ((s.height() - 14) / OVERLAY_LINE));
        if (lines.size() > fits) {
            lines.subList(fits, lines.size()).clear();
            String last = lines.get(fits - 1);
            while (!last.isEmpty() && width.applyAsDouble(last + "…") > maxText) {
                last = last.substring(0, last.length() - 1);
            }
            lines.set(fits - 1, last + "…");
        }
        double textWidth = lines.stream().mapToDouble(width).max().orElse(0);
        double boxWidth = Math.min(s.width() - 20, textWidth + 24);
        double boxHeight = lines.size() * OVERLAY_LINE + 14;
        double boxX = s.left() + (s.width() - boxWidth) / 2;
        double boxY = s.top() + (s.height() - boxHeight) / 2;
        g.setFill(ChartPalette.withOpacity(palette.grid(), 0.88));
        g.fillRoundRect(boxX, boxY, boxWidth, boxHeight, 8, 8);
        g.setFill(palette.text());
        g.setFont(OVERLAY_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < lines.size(); i++) {
            g.fillText(lines.get(i), s.left() + s.width() / 2, boxY + 7 + OVERLAY_LINE * (i + 0.5));
        }
        g.setFont(AXIS_FONT);
        return List.copyOf(lines);
    }

    /** The drawn width of a label in the axis font (an estimate per character let labels overlap). */
    private static double textWidth(String text) {
        MEASURE.setFont(AXIS_FONT);
        MEASURE.setText(text);
        return MEASURE.getLayoutBounds().getWidth();
    }
}
