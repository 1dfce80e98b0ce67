package io.incidentconsole.ui.metrics;

import io.incidentconsole.metrics.Freshness;
import io.incidentconsole.metrics.ReducedSeries;
import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.QuantityFormat;
import javafx.css.PseudoClass;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One metric's chart, drawn on a Canvas: the M4-reduced series for the visible window (at most four points per
 * pixel column, so the cost follows the width, not the history), baseline, target and threshold lines, phase
 * markers, axes, a hover crosshair, and a header with the current value, its change from baseline and the
 * distance to target. When the data is stale the header says "last known" and an overlay says since when and
 * why. It redraws only when marked dirty, at most once per call to {@link #redrawIfDirty()} (once a frame).
 * {@link ChartPainter} and {@link SeriesPainter} draw, in the colours of its {@link ChartPalette}.
 */
public final class MetricChart extends VBox {

    public static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    public static final PseudoClass ALERTING = PseudoClass.getPseudoClass("alerting");
    public static final PseudoClass NO_SOURCE = PseudoClass.getPseudoClass("no-source");
    public static final PseudoClass SIMULATED = PseudoClass.getPseudoClass("simulated");

    private static final double LEFT = 58;
    private static final double RIGHT = 12;
    private static final double TOP = 8;
    private static final double BOTTOM = 22;

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
    // A theme switch restyles the palette; the canvas must then be drawn in the new colours.
    private final ChartPalette palette = new ChartPalette(() -> dirty = true);
    private final ChartPainter painter;

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
        this.painter = new ChartPainter(metric, palette);
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
        getChildren().addAll(header, status, plot, palette.swatches());
        pseudoClassStateChanged(NO_SOURCE, !feed.hasSource());
    }

    /** Plan ids may contain dots; node ids may not. */
    public static String nodeId(String id) {
        return id.replaceAll("[^A-Za-z0-9_-]", "-");
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
        double[] range = ChartScale.valueRange(metric, reduced);
        double min = range[0];
        double max = range[1];
        long t0 = from.toEpochMilli();
        long t1 = now.toEpochMilli();
        ChartScale scale = new ChartScale(LEFT, TOP, columns, plotHeight, t0, t1, min, max);

        painter.drawAxes(g, scale);
        List<ChartPainter.Level> levels = painter.levels();
        ChartPainter.drawLevelLines(g, scale, levels);
        boolean stale = freshness.state() == Freshness.State.STALE;
        if (reduced.isPresent()) {
            SeriesPainter.drawSeries(g, scale, reduced.get(), stale ? palette.stale() : palette.series());
        }
        // After the data, so the phase labels sit on top of it on their backing boxes.
        painter.drawMarkers(g, scale, markers);
        labelBoxes = painter.drawLevelLabels(g, scale, levels);
        if (simulated) {
            painter.drawSimulatedWatermark(g, scale);
        }
        if (reduced.isPresent()) {
            hoverText = SeriesPainter.drawHover(g, scale, reduced.get(), hoverX, metric.unit(), palette);
        }
        if (!feed.hasSource()) {
            overlayLines = painter.overlay(g, scale, "No live source — showing the plan's numbers");
        } else if (stale) {
            overlayLines = painter.overlay(g, scale, staleText(freshness));
        } else if (reduced.isEmpty() || reduced.get().size() == 0) {
            overlayLines = painter.overlay(g, scale, "Waiting for data…");
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

    /** For tests: the lines of the message drawn in the plot by the last redraw (empty when none was). */
    List<String> overlayLines() {
        return overlayLines;
    }

    /** For tests and the benchmark: the current window's length (null for All). */
    Duration windowLength() {
        return window.length();
    }
}
