package io.incidentconsole.ui.metrics;

import io.incidentconsole.metrics.Freshness;
import io.incidentconsole.metrics.ReducedSeries;
import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.QuantityFormat;
import io.incidentconsole.plan.Threshold;
import javafx.css.PseudoClass;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * One metric's chart, drawn on a Canvas: the M4-reduced series for the visible window (at most four points per
 * pixel column, so the cost follows the width, not the history), baseline, target and threshold lines, phase
 * markers, axes, a hover crosshair, and a header with the current value, its change from baseline and the
 * distance to target. When the data is stale the header says "last known" and an overlay says since when and
 * why. It redraws only when marked dirty, at most once per call to {@link #redrawIfDirty()} (once a frame).
 *
 * <p>Colours come from the palette: hidden rectangles styled {@code chart-series}, {@code chart-baseline}, …
 * take their fill from the {@code -ic-chart-*} names in styles/metrics.css, and drawing reads those fills.
 */
public final class MetricChart extends VBox {

    public static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    public static final PseudoClass ALERTING = PseudoClass.getPseudoClass("alerting");
    public static final PseudoClass NO_SOURCE = PseudoClass.getPseudoClass("no-source");
    public static final PseudoClass SIMULATED = PseudoClass.getPseudoClass("simulated");

    private static final Font OVERLAY_FONT = Font.font(13);
    private static final double OVERLAY_LINE = 17;
    /** Level labels stay in this left part of the plot: the right edge shows the newest points. */
    private static final double LABEL_ZONE = 0.6;
    private static final double LEFT = 58;
    private static final double RIGHT = 12;
    private static final double TOP = 8;
    private static final double BOTTOM = 22;
    private static final Font AXIS_FONT = Font.font(11);

    private final Metric metric;
    private final ChartFeed feed;
    private final Label value = new Label();
    private final Label change = new Label();
    private final Label toGo = new Label();
    private final Label status = new Label();
    /** "SIMULATED" beside the name: set when the simulator, not a real source, feeds this metric. */
    private final Label simulatedBadge = new Label("SIMULATED DATA");
    private boolean simulated;
    private final Canvas canvas = new Canvas();
    private final Pane plot = new Pane(canvas);
    private final Rectangle seriesColour = swatch("chart-series");
    private final Rectangle baselineColour = swatch("chart-baseline");
    private final Rectangle targetColour = swatch("chart-target");
    private final Rectangle thresholdColour = swatch("chart-threshold");
    private final Rectangle markerColour = swatch("chart-marker");
    private final Rectangle gridColour = swatch("chart-grid");
    private final Rectangle textColour = swatch("chart-text");
    private final Rectangle staleColour = swatch("chart-stale");

    private TimeWindow window = TimeWindow.MINUTES_15;
    private List<PhaseMarker> markers = List.of();
    private boolean dirty = true;
    private double hoverX = -1;
    private String hoverText = "";
    private Freshness.State shownState;
    private long redraws;
    private List<String> overlayLines = List.of();
    private List<double[]> labelBoxes = List.of();

    public MetricChart(Metric metric, ChartFeed feed) {
        this.metric = metric;
        this.feed = feed;
        getStyleClass().add("metric-chart");
        setId("chart-" + nodeId(metric.id()));
        Label name = new Label(io.incidentconsole.ui.common.InlineText.plain(metric.name()));
        name.getStyleClass().add("chart-name");
        value.getStyleClass().add("chart-value");
        value.setId("chart-value-" + nodeId(metric.id()));
        change.getStyleClass().add("chart-change");
        toGo.getStyleClass().add("chart-to-go");
        name.setMinWidth(0);
        simulatedBadge.getStyleClass().add("simulated-badge");
        simulatedBadge.setId("chart-simulated-" + nodeId(metric.id()));
        simulatedBadge.setMinWidth(Region.USE_PREF_SIZE);
        simulatedBadge.setVisible(false);
        simulatedBadge.setManaged(false);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox numbers = new HBox(10, value, change, gap, toGo);
        numbers.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        HBox title = new HBox(8, name, simulatedBadge);
        title.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox header = new VBox(2, title, numbers);
        header.getStyleClass().add("chart-header");
        status.getStyleClass().add("chart-status");
        status.setId("chart-status-" + nodeId(metric.id()));
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        Pane swatches = new Pane(seriesColour, baselineColour, targetColour, thresholdColour, markerColour, gridColour,
                textColour, staleColour);
        swatches.setManaged(false);
        swatches.setVisible(false);
        plot.getStyleClass().add("chart-plot");
        plot.setMinHeight(120);
        plot.setPrefHeight(190);
        VBox.setVgrow(plot, Priority.ALWAYS);
        plot.widthProperty().addListener((obs, old, now) -> resized());
        plot.heightProperty().addListener((obs, old, now) -> resized());
        canvas.setOnMouseMoved(e -> {
            hoverX = e.getX();
            dirty = true;
        });
        canvas.setOnMouseExited(e -> {
            hoverX = -1;
            hoverText = "";
            dirty = true;
        });
        getChildren().addAll(header, status, plot, swatches);
        // A theme switch restyles the swatches; the canvas must then be drawn in the new colours.
        for (javafx.scene.Node swatch : swatches.getChildren()) {
            ((Rectangle) swatch).fillProperty().addListener(obs -> dirty = true);
        }
        pseudoClassStateChanged(NO_SOURCE, !feed.hasSource());
    }

    /** Plan ids may contain dots; node ids may not. */
    public static String nodeId(String id) {
        return id.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static Rectangle swatch(String styleClass) {
        Rectangle swatch = new Rectangle(1, 1);
        swatch.getStyleClass().add(styleClass);
        return swatch;
    }

    private void resized() {
        canvas.setWidth(Math.floor(plot.getWidth()));
        canvas.setHeight(Math.floor(plot.getHeight()));
        dirty = true;
    }

    public Metric metric() {
        return metric;
    }

    public void markDirty() {
        dirty = true;
    }

    public void setWindow(TimeWindow window) {
        if (this.window != window) {
            this.window = window;
            dirty = true;
        }
    }

    public void setMarkers(List<PhaseMarker> markers) {
        if (!this.markers.equals(markers)) {
            this.markers = List.copyOf(markers);
            dirty = true;
        }
    }

    public void setAlerting(boolean alerting) {
        pseudoClassStateChanged(ALERTING, alerting);
    }

    /** Moves the crosshair as a mouse would (x in plot pixels); for keyboard-free checks and tests. */
    public void hoverAt(double x) {
        hoverX = x;
        dirty = true;
    }

    /** The hover label: "09:14:03 UTC  3.18M", or empty when the pointer is not over the plot. */
    public String hoverText() {
        return hoverText;
    }

    /** How many times the canvas was drawn (dirty-flag checks). */
    public long redraws() {
        return redraws;
    }

    /** Draws when something changed since the last draw; the freshness state changing counts too. */
    public boolean redrawIfDirty() {
        Freshness freshness = feed.freshness();
        if (freshness.state() != shownState) {
            dirty = true;
        }
        if (!dirty) {
            return false;
        }
        dirty = false;
        shownState = freshness.state();
        redraw(freshness);
        return true;
    }

    private void redraw(Freshness freshness) {
        redraws++;
        updateHeader(freshness);
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        overlayLines = List.of();
        int columns = (int) Math.floor(width - LEFT - RIGHT);
        double plotHeight = height - TOP - BOTTOM;
        if (columns < 10 || plotHeight < 20) {
            return;
        }
        Instant now = feed.now();
        Instant from = window.length() != null ? now.minus(window.length())
                : Instant.ofEpochMilli(feed.firstTime().orElse(now.minusSeconds(900).toEpochMilli()));
        if (!from.isBefore(now)) {
            from = now.minusSeconds(60);
        }
        Optional<ReducedSeries> reduced = feed.reduce(from, now, columns);
        double[] range = valueRange(reduced);
        double min = range[0];
        double max = range[1];
        long t0 = from.toEpochMilli();
        long t1 = now.toEpochMilli();
        Scale scale = new Scale(LEFT, TOP, columns, plotHeight, t0, t1, min, max);

        drawAxes(g, scale);
        List<Level> levels = levels();
        drawLevelLines(g, scale, levels);
        boolean stale = freshness.state() == Freshness.State.STALE;
        if (reduced.isPresent()) {
            drawSeries(g, scale, reduced.get(), stale ? fill(staleColour) : fill(seriesColour));
        }
        // After the data, so the phase labels sit on top of it on their backing boxes.
        drawMarkers(g, scale);
        drawLevelLabels(g, scale, levels);
        if (simulated) {
            drawSimulatedWatermark(g, scale);
        }
        if (reduced.isPresent()) {
            drawHover(g, scale, reduced.get());
        }
        if (!feed.hasSource()) {
            overlay(g, scale, "No live source — showing the plan's numbers");
        } else if (stale) {
            overlay(g, scale, staleText(freshness));
        } else if (reduced.isEmpty() || reduced.get().size() == 0) {
            overlay(g, scale, "Waiting for data…");
        }
    }

    private void updateHeader(Freshness freshness) {
        boolean stale = freshness.state() == Freshness.State.STALE;
        pseudoClassStateChanged(STALE, stale && feed.hasSource());
        OptionalDouble last = feed.lastValue();
        String unit = metric.unit() == null ? "" : " " + metric.unit();
        if (!feed.hasSource()) {
            value.setText("no live source");
            change.setText(metric.baseline() == null ? "" : "baseline " + QuantityFormat.compact(metric.baseline()));
            toGo.setText(metric.target() == null ? "" : "target " + QuantityFormat.compact(metric.target()));
            status.setText("");
        } else if (last.isEmpty()) {
            value.setText("no data yet");
            change.setText("");
            toGo.setText("");
            status.setText(stale ? staleText(freshness) : "");
        } else {
            double v = last.getAsDouble();
            value.setText((stale ? "last known " : "") + QuantityFormat.compact(v) + unit);
            change.setText(ChartText.changeFromBaseline(v, metric.baseline()));
            toGo.setText(ChartText.toTarget(v, metric.target(), metric.direction()));
            status.setText(stale ? staleText(freshness) : "");
        }
        status.setVisible(!status.getText().isEmpty());
        status.setManaged(status.isVisible());
    }

    /** "No data since 09:12:04 UTC — connection refused". */
    public static String staleText(Freshness freshness) {
        Instant since = freshness.lastSampleAt() != null ? freshness.lastSampleAt() : freshness.since();
        String reason = freshness.reason().isBlank() ? "" : " — " + freshness.reason();
        return (freshness.lastSampleAt() != null ? "No data since " : "No data (stale since ")
                + ChartText.clock(since) + (freshness.lastSampleAt() != null ? "" : ")") + reason;
    }

    private double[] valueRange(Optional<ReducedSeries> reduced) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        if (reduced.isPresent()) {
            ReducedSeries series = reduced.get();
            for (int i = 0; i < series.size(); i++) {
                double v = series.value(i);
                if (!Double.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        for (Double level : new Double[]{metric.baseline(), metric.target()}) {
            if (level != null) {
                min = Math.min(min, level);
                max = Math.max(max, level);
            }
        }
        for (Threshold threshold : metric.thresholds()) {
            min = Math.min(min, threshold.value());
            max = Math.max(max, threshold.value());
        }
        if (min == Double.POSITIVE_INFINITY) {
            return new double[]{0, 1};
        }
        if (max == min) {
            double pad = max == 0 ? 1 : Math.abs(max) * 0.1;
            return new double[]{min - pad, max + pad};
        }
        double pad = (max - min) * 0.06;
        double low = min >= 0 && min - pad < 0 ? 0 : min - pad;
        return new double[]{low, max + pad};
    }

    private void drawAxes(GraphicsContext g, Scale s) {
        g.setFont(AXIS_FONT);
        g.setLineWidth(1);
        g.setFill(fill(textColour));
        g.setStroke(fill(gridColour));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double tick : ChartText.valueTicks(s.min, s.max, Math.max(2, (int) (s.height / 40)))) {
            double y = Math.round(s.y(tick)) + 0.5;
            g.strokeLine(s.left, y, s.left + s.width, y);
            g.fillText(QuantityFormat.compact(tick), s.left - 6, y);
        }
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        long span = s.t1 - s.t0;
        for (long tick : ChartText.timeTicks(s.t0, s.t1, Math.max(2, (int) (s.width / 110)))) {
            double x = Math.round(s.x(tick)) + 0.5;
            g.strokeLine(x, s.top + s.height, x, s.top + s.height + 4);
            g.fillText(ChartText.tick(tick, span), x, s.top + s.height + 6);
        }
        g.strokeRect(s.left + 0.5, s.top + 0.5, s.width, s.height);
    }

    /** A horizontal line: baseline, target or an alert threshold. */
    private record Level(double value, Paint paint, double[] dashes, String label) {
    }

    private List<Level> levels() {
        List<Level> levels = new java.util.ArrayList<>();
        if (metric.baseline() != null) {
            levels.add(new Level(metric.baseline(), fill(baselineColour), new double[]{6, 4},
                    "baseline " + QuantityFormat.compact(metric.baseline())));
        }
        if (metric.target() != null) {
            levels.add(new Level(metric.target(), fill(targetColour), new double[]{},
                    "target " + QuantityFormat.compact(metric.target())));
        }
        for (Threshold threshold : metric.thresholds()) {
            levels.add(new Level(threshold.value(), fill(thresholdColour), new double[]{2, 3},
                    "alert " + QuantityFormat.compact(threshold.value())));
        }
        return levels;
    }

    private static void drawLevelLines(GraphicsContext g, Scale s, List<Level> levels) {
        g.setLineWidth(1.5);
        for (Level level : levels) {
            double y = Math.round(s.y(level.value())) + 0.5;
            g.setStroke(level.paint());
            g.setLineDashes(level.dashes());
            g.strokeLine(s.left, y, s.left + s.width, y);
        }
        g.setLineDashes();
    }

    /**
     * Labels on a backing box, left first; a label that would overlap one already placed moves to the right
     * edge, and is left out when both sides are taken (the line still shows, the axis gives its value).
     */
    /**
     * Labels on a backing box, on the left (the oldest data) and never at the right edge, where the newest points
     * are: above its line, else below it, else after the labels already there, within the left part of the plot;
     * left out when none of that is free (the line still shows, the axis gives its value).
     */
    private void drawLevelLabels(GraphicsContext g, Scale s, List<Level> levels) {
        g.setFont(AXIS_FONT);
        g.setTextBaseline(VPos.CENTER);
        List<double[]> placed = new java.util.ArrayList<>();
        double rightmost = s.left + s.width * LABEL_ZONE;
        for (Level level : levels) {
            double line = Math.round(s.y(level.value())) + 0.5;
            double width = textWidth(level.label()) + 8;
            double[] box = null;
            for (double y : new double[]{Math.max(s.top + 7, line - 8), Math.min(s.top + s.height - 7, line + 8)}) {
                double x = s.left + 4;
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
            g.setFill(withOpacity(fill(gridColour), 0.85));
            g.fillRoundRect(box[0], box[1], box[2], box[3], 4, 4);
            g.setFill(level.paint());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(level.label(), box[0] + 4, box[1] + 7);
        }
        labelBoxes = List.copyOf(placed);
    }

    /** Boxes as {x, y, width, height}. */
    private static boolean overlaps(double[] a, double[] b) {
        return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
    }

    /** For tests: where the level labels were drawn by the last redraw, each {x, y, width, height}. */
    List<double[]> labelBoxes() {
        return labelBoxes;
    }

    /** For tests: the plot's right edge, where the newest sample is drawn. */
    double plotRight() {
        return canvas.getWidth() - RIGHT;
    }

    double plotWidth() {
        return canvas.getWidth() - LEFT - RIGHT;
    }

    private static final javafx.scene.text.Text MEASURE = new javafx.scene.text.Text();

    /** The drawn width of a label in the axis font (an estimate per character let labels overlap). */
    private static double textWidth(String text) {
        MEASURE.setFont(AXIS_FONT);
        MEASURE.setText(text);
        return MEASURE.getLayoutBounds().getWidth();
    }

    private void drawMarkers(GraphicsContext g, Scale s) {
        g.setStroke(fill(markerColour));
        g.setFill(fill(markerColour));
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        // Labels of markers close together (a phase started and completed within minutes) go one row lower.
        double[] rowEnds = new double[4];
        java.util.Arrays.fill(rowEnds, Double.NEGATIVE_INFINITY);
        for (PhaseMarker marker : markers) {
            long t = marker.at().toEpochMilli();
            if (t < s.t0 || t > s.t1) {
                continue;
            }
            double x = Math.round(s.x(t)) + 0.5;
            g.setLineDashes(marker.completed() ? new double[]{} : new double[]{4, 3});
            g.strokeLine(x, s.top, x, s.top + s.height);
            String label = marker.label() + (marker.completed() ? " done" : " started");
            double width = textWidth(label) + 6;
            double labelX = Math.min(x + 3, s.left + s.width - width);
            for (int row = 0; row < rowEnds.length; row++) {
                if (labelX >= rowEnds[row]) {
                    // On a backing box: a marker label stays readable over the data and the other markers' lines.
                    double labelY = s.top + 2 + row * 15;
                    g.setFill(withOpacity(fill(gridColour), 0.9));
                    g.fillRoundRect(labelX, labelY - 1, width, 14, 4, 4);
                    g.setFill(fill(markerColour));
                    g.fillText(label, labelX + 3, labelY);
                    rowEnds[row] = labelX + width + 4;
                    break;
                }
            }
        }
        g.setLineDashes();
    }

    private static void drawSeries(GraphicsContext g, Scale s, ReducedSeries series, Paint paint) {
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
            double x = s.left + series.x(i);
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
    private static void drawColumns(GraphicsContext g, Scale s, ReducedSeries series, Paint paint) {
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
            g.fillRect(s.left + c, top - 0.75, 1.5, Math.max(1.5, bottom - top + 1.5));
            previousLast = last;
        }
    }

    private void drawHover(GraphicsContext g, Scale s, ReducedSeries series) {
        if (hoverX < s.left || hoverX > s.left + s.width || series.size() == 0) {
            hoverText = "";
            return;
        }
        int nearest = nearest(series, hoverX - s.left);
        long t = series.time(nearest);
        double v = series.value(nearest);
        hoverText = ChartText.clock(Instant.ofEpochMilli(t)) + "  " + QuantityFormat.compact(v)
                + (metric.unit() == null ? "" : " " + metric.unit());
        double x = s.left + series.x(nearest);
        double y = s.y(v);
        g.setStroke(fill(textColour));
        g.setLineWidth(1);
        g.setLineDashes(3, 3);
        g.strokeLine(x, s.top, x, s.top + s.height);
        g.strokeLine(s.left, y, s.left + s.width, y);
        g.setLineDashes();
        g.setFill(fill(seriesColour));
        g.fillOval(x - 3.5, y - 3.5, 7, 7);
        double boxWidth = hoverText.length() * 6.6 + 12;
        double boxX = x + 10 + boxWidth > s.left + s.width ? x - 10 - boxWidth : x + 10;
        double boxY = Math.max(s.top + 2, y - 26);
        g.setFill(fill(gridColour));
        g.fillRoundRect(boxX, boxY, boxWidth, 20, 6, 6);
        g.setFill(fill(textColour));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(hoverText, boxX + 6, boxY + 10);
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

    /** Marks a chart fed by the simulator, on the badge and across the plot, so no one takes it for production. */
    public void setSimulated(boolean simulated) {
        this.simulated = simulated;
        simulatedBadge.setVisible(simulated);
        simulatedBadge.setManaged(simulated);
        pseudoClassStateChanged(SIMULATED, simulated);
        dirty = true;
    }

    public boolean isSimulated() {
        return simulated;
    }

    private void drawSimulatedWatermark(GraphicsContext g, Scale s) {
        g.setFont(Font.font(null, FontWeight.BOLD, Math.max(18, Math.min(34, s.width / 14))));
        g.setFill(withOpacity(fill(markerColour), 0.28));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("SIMULATED DATA", s.left + s.width / 2, s.top + s.height / 2);
        g.setFont(AXIS_FONT);
    }

    /**
     * A message in a box in the middle of the plot, wrapped onto as many lines as it needs (never squeezed: text
     * drawn into a box narrower than it is squashed sideways). Lines that do not fit the plot's height are cut, the
     * last one ending in "…"; the header's status line has the whole text.
     */
    private void overlay(GraphicsContext g, Scale s, String text) {
        Text measure = new Text();
        measure.setFont(OVERLAY_FONT);
        ToDoubleFunction<String> width = line -> {
            measure.setText(line);
            return measure.getLayoutBounds().getWidth();
        };
        double maxText = Math.max(40, s.width - 44);
        List<String> lines = new java.util.ArrayList<>(ChartText.wrap(text, maxText, width));
        int fits = Math.max(1, (int) ((s.height - 14) / OVERLAY_LINE));
        if (lines.size() > fits) {
            lines.subList(fits, lines.size()).clear();
            String last = lines.get(fits - 1);
            while (!last.isEmpty() && width.applyAsDouble(last + "…") > maxText) {
                last = last.substring(0, last.length() - 1);
            }
            lines.set(fits - 1, last + "…");
        }
        double textWidth = lines.stream().mapToDouble(width).max().orElse(0);
        double boxWidth = Math.min(s.width - 20, textWidth + 24);
        double boxHeight = lines.size() * OVERLAY_LINE + 14;
        double boxX = s.left + (s.width - boxWidth) / 2;
        double boxY = s.top + (s.height - boxHeight) / 2;
        g.setFill(withOpacity(fill(gridColour), 0.88));
        g.fillRoundRect(boxX, boxY, boxWidth, boxHeight, 8, 8);
        g.setFill(fill(textColour));
        g.setFont(OVERLAY_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < lines.size(); i++) {
            g.fillText(lines.get(i), s.left + s.width / 2, boxY + 7 + OVERLAY_LINE * (i + 0.5));
        }
        g.setFont(AXIS_FONT);
        overlayLines = List.copyOf(lines);
    }

    /** For tests: the lines of the message drawn in the plot by the last redraw (empty when none was). */
    List<String> overlayLines() {
        return overlayLines;
    }

    private static Paint withOpacity(Paint paint, double opacity) {
        return paint instanceof Color c ? Color.color(c.getRed(), c.getGreen(), c.getBlue(), opacity) : paint;
    }

    private static Paint fill(Rectangle swatch) {
        Paint paint = swatch.getFill();
        return paint == null ? Color.GRAY : paint;
    }

    /** Window time and value → plot pixels. */
    private record Scale(double left, double top, double width, double height, long t0, long t1, double min,
                         double max) {
        double x(long t) {
            return left + (double) (t - t0) * width / (double) (t1 - t0);
        }

        double y(double v) {
            return top + height - (v - min) * height / (max - min);
        }
    }

    /** For tests and the benchmark: the current window's length (null for All). */
    Duration windowLength() {
        return window.length();
    }
}
