package io.incidentconsole.ui.metrics;

import io.incidentconsole.metrics.CoalescingBuffer;
import io.incidentconsole.metrics.LiveMetrics;
import io.incidentconsole.metrics.MetricSource;
import io.incidentconsole.metrics.RuleEvaluator;
import io.incidentconsole.metrics.SampleSink;
import io.incidentconsole.metrics.StalenessTracker;
import io.incidentconsole.plan.Direction;
import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.Severity;
import io.incidentconsole.plan.Threshold;
import io.incidentconsole.ui.common.Theme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.GridPane;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The chart frame-cost harness of bench/metrics-ui (a main, not a test): 8 charts of 24 h at 1 Hz (86,400
 * points each) versus 8 charts of 1,000 points, each window showing the whole history. A frame = marking all
 * 8 charts dirty, drawing them (M4 reduction + Canvas commands) and snapshotting the scene, which makes the
 * software renderer execute the Canvas commands. Run headless with Monocle; see bench/metrics-ui/README.md.
 */
public final class ChartFrameBench {

    private static final int CHARTS = 8;
    private static final int WARMUP = 60;
    private static final int FRAMES = 200;
    private static final Instant END = Instant.parse("2026-11-27T09:00:00Z");

    private ChartFrameBench() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "java %s, %s, prism.order=%s, %d cores",
                System.getProperty("java.version"), System.getProperty("os.arch"),
                System.getProperty("prism.order"), Runtime.getRuntime().availableProcessors()));
        // Two rounds, alternating, so JIT warm-up and machine load do not favour one case.
        for (int round = 1; round <= 2; round++) {
            report.add("round " + round + ": " + measure(1_000));
            report.add("round " + round + ": " + measure(86_400));
        }
        report.forEach(System.out::println);
        Platform.exit();
    }

    private static String measure(int pointsPerSeries) throws Exception {
        CompletableFuture<String> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(run(pointsPerSeries));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get();
    }

    private static String run(int pointsPerSeries) {
        Clock clock = Clock.fixed(END, ZoneOffset.UTC);
        LiveMetrics live = new LiveMetrics(List.of(new Silent()), new CoalescingBuffer(), new StalenessTracker(3),
                new RuleEvaluator(List.of()), clock);
        live.start();
        GridPane grid = new GridPane();
        for (int i = 0; i < 2; i++) {
            javafx.scene.layout.ColumnConstraints column = new javafx.scene.layout.ColumnConstraints();
            column.setPercentWidth(50);
            grid.getColumnConstraints().add(column);
        }
        List<MetricChart> charts = new ArrayList<>();
        long start = END.minus(Duration.ofSeconds(pointsPerSeries)).toEpochMilli();
        for (int c = 0; c < CHARTS; c++) {
            String id = "metric_" + c;
            double base = 3_200_000 - c * 300_000;
            for (int i = 0; i < pointsPerSeries; i++) {
                double value = base * (1 + 0.02 * Math.sin(i / 300.0 + c) + 0.01 * Math.sin(i * 7.3));
                live.store().append(id, start + i * 1000L, value);
            }
            Metric metric = new Metric(id, "Metric " + c, null, "calls/day", base, base / 3, Direction.DOWN, null,
                    List.of(new Threshold(900_000, Severity.CRITICAL, "900K")), List.of(), null);
            MetricChart chart = new MetricChart(metric, new LiveFeed(live, id, clock));
            chart.setWindow(TimeWindow.ALL);
            chart.setMarkers(List.of(new PhaseMarker(END.minusSeconds(pointsPerSeries / 2), "p330-1", true)));
            charts.add(chart);
            grid.add(chart, c % 2, c / 2);
        }
        Scene scene = new Scene(grid, 1360, 880);
        Theme.DARK.applyTo(scene);
        grid.applyCss();
        grid.layout();
        javafx.scene.image.WritableImage image = new javafx.scene.image.WritableImage(1360, 880);
        double[] draw = new double[FRAMES];
        double[] frame = new double[FRAMES];
        for (int f = -WARMUP; f < FRAMES; f++) {
            long t0 = System.nanoTime();
            charts.forEach(MetricChart::markDirty);
            charts.forEach(MetricChart::redrawIfDirty);
            long t1 = System.nanoTime();
            scene.snapshot(image);
            long t2 = System.nanoTime();
            if (f >= 0) {
                draw[f] = (t1 - t0) / 1e6;
                frame[f] = (t2 - t0) / 1e6;
            }
        }
        live.stop();
        int width = (int) charts.get(0).getWidth();
        return String.format(Locale.ROOT,
                "%d series x %,d points (chart %d px wide): frame median %.2f ms, p99 %.2f ms; "
                        + "draw only median %.2f ms, p99 %.2f ms", CHARTS, pointsPerSeries, width,
                percentile(frame, 50), percentile(frame, 99), percentile(draw, 50), percentile(draw, 99));
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** A source that never delivers: the bench fills the store directly. */
    private static final class Silent implements MetricSource {
        @Override
        public String id() {
            return "bench";
        }

        @Override
        public Set<String> metricIds() {
            Set<String> ids = new java.util.LinkedHashSet<>();
            for (int c = 0; c < CHARTS; c++) {
                ids.add("metric_" + c);
            }
            return ids;
        }

        @Override
        public Duration expectedInterval() {
            return Duration.ofDays(365);
        }

        @Override
        public void start(SampleSink sink) {
        }

        @Override
        public void stop() {
        }
    }
}
