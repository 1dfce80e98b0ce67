package io.incidentconsole.ui.metrics;

import io.incidentconsole.metrics.ReducedSeries;
import io.incidentconsole.plan.QuantityFormat;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

import java.time.Instant;

/** Draws a metric's reduced series on its chart (a line, or a bar per pixel column when dense) and the crosshair. */
final class SeriesPainter {

    private SeriesPainter() {
    }

    static void drawSeries(GraphicsContext g, ChartScale s, ReducedSeries series, Paint paint) {
        if (series.size() > series.columns() * 1.5) {
            drawColumns(g, s, series, paint);
            return;
        }
        g.setStroke(paint);
        g.setLineWidth(1.5);
        g.beginPath();
        boolean drawing = false;
        for (int i = 0; i < series.size(); i++) {
            double v = series.value(i);
            if (Double.isNaN(v)) {
                drawing = false;
                continue;
            }
            double x = s.left() + series.x(i);
            double y = s.y(v);
            if (drawing) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                drawing = true;
            }
        }
        g.stroke();
    }

    /**
     * Dense data (more points than pixels): one filled bar per pixel column from its min to its max, stretched
     * to the previous column's last value so the trace stays connected. It looks like the M4 polyline but the
     * software renderer fills rectangles far faster than it strokes a zigzag path across the same area.
     */
    private static void drawColumns(GraphicsContext g, ChartScale s, ReducedSeries series, Paint paint) {
        g.setFill(paint);
        double previousLast = Double.NaN;
        for (int c = 0; c < series.columns(); c++) {
            int from = series.columnStart(c);
            int to = series.columnEnd(c);
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            double last = Double.NaN;
            for (int i = from; i < to; i++) {
                double v = series.value(i);
                if (!Double.isNaN(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                    last = v;
                }
            }
            if (Double.isNaN(last)) {
                previousLast = Double.NaN;
                continue;
            }
            if (!Double.isNaN(previousLast)) {
                low = Math.min(low, previousLast);
                high = Math.max(high, previousLast);
            }
            double top = s.y(high);
            double bottom = s.y(low);
            g.fillRect(s.left() + c, top - 0.75, 1.5, Math.max(1.5, bottom - top + 1.5));
            previousLast = last;
        }
    }

    /**
     * The crosshair at the pointer ({@code hoverX} in plot pixels, negative: none) on the nearest point, with its
     * time and value in a box; returns that text ("09:14:03 UTC  3.18M"), empty when the pointer is off the plot.
     */
    static String drawHover(GraphicsContext g, ChartScale s, ReducedSeries series, double hoverX, String unit,
                            ChartPalette palette) {
        if (hoverX < s.left() || hoverX > s.left() + s.width() || series.size() == 0) {
            return "";
        }
        int nearest = nearest(series, hoverX - s.left());
        long t = series.time(nearest);
        double v = series.value(nearest);
        String hoverText = ChartText.clock(Instant.ofEpochMilli(t)) + "  " + QuantityFormat.compact(v)
                + (unit == null ? "" : " " + unit);
        double x = s.left() + series.x(nearest);
        double y = s.y(v);
        g.setStroke(palette.text());
        g.setLineWidth(1);
        g.setLineDashes(3, 3);
        g.strokeLine(x, s.top(), x, s.top() + s.height());
        g.strokeLine(s.left(), y, s.left() + s.width(), y);
        g.setLineDashes();
        g.setFill(palette.series());
        g.fillOval(x - 3.5, y - 3.5, 7, 7);
        double boxWidth = hoverText.length() * 6.6 + 12;
        double boxX = x + 10 + boxWidth > s.left() + s.width() ? x - 10 - boxWidth : x + 10;
        double boxY = Math.max(s.top() + 2, y - 26);
        g.setFill(palette.grid());
        g.fillRoundRect(boxX, boxY, boxWidth, 20, 6, 6);
        g.setFill(palette.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(hoverText, boxX + 6, boxY + 10);
        return hoverText;
    }

    private static int nearest(ReducedSeries series, double x) {
        int low = 0;
        int high = series.size() - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (series.x(mid) < x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        if (low > 0 && Math.abs(series.x(low - 1) - x) <= Math.abs(series.x(low) - x)) {
            return low - 1;
        }
        return low;
    }
}
