package io.incidentconsole.report;

import io.incidentconsole.metrics.FileSource;
import io.incidentconsole.metrics.SampleSink;
import io.incidentconsole.metrics.SourceProblem;
import io.incidentconsole.metrics.SourceStatus;
import io.incidentconsole.metrics.StatusUpdate;
import io.incidentconsole.metrics.TaskScheduler;
import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.Plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Metric values read once from a metrics export (CSV {@code timestamp,metric,value} or JSON Lines), with the same
 * reader and the same series-to-metric mapping as the console's live file source. Malformed lines are skipped and
 * listed in {@link #problems()} as {@code file:line: why}.
 */
public final class FileMetricHistory implements MetricHistory {

    private final Path file;
    private final Map<String, Series> series;
    private final List<String> problems;

    private FileMetricHistory(Path file, Map<String, Series> series, List<String> problems) {
        this.file = file;
        this.series = Map.copyOf(series);
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads the whole file. File metric names map to plan metrics by the metric's {@code source.series}, else
     * its id.
     *
     * @throws IllegalArgumentException when the file cannot be read at all (the message says which and why)
     */
    public static FileMetricHistory read(Path file, Plan plan, Clock clock) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such metrics file");
        }
        Map<String, String> seriesToMetric = new LinkedHashMap<>();
        for (Metric metric : plan.metrics()) {
            String name = metric.source() != null && metric.source().series() != null
                    && !metric.source().series().isBlank() ? metric.source().series() : metric.id();
            seriesToMetric.put(name, metric.id());
        }
        Collector collector = new Collector();
        FileSource source = new FileSource(file, seriesToMetric, false, clock, new PollByHand(), Duration.ofDays(1),
                Duration.ofDays(1));
        source.start(collector);
        int before;
        do {
            before = collector.received();
            source.poll();
            if (collector.failure != null) {
                throw new IllegalArgumentException(collector.failure);
            }
        } while (collector.received() > before);
        source.stop();
        Map<String, Series> all = new LinkedHashMap<>();
        collector.samples.forEach((metric, points) -> all.put(metric, points.toSeries()));
        return new FileMetricHistory(file, all, collector.problems);
    }

    @Override
    public Optional<Series> series(String metricId) {
        return Optional.ofNullable(series.get(metricId));
    }

    @Override
    public String description() {
        return "metrics file " + file.getFileName();
    }

    @Override
    public boolean simulated() {
        return false;
    }

    @Override
    public List<String> problems() {
        return problems;
    }

    /** The reading is driven by {@link FileSource#poll()} here, never by a timer. */
    private static final class PollByHand implements TaskScheduler {
        @Override
        public Cancellable everyPeriod(Runnable task, Duration initialDelay, Duration period) {
            return () -> { };
        }

        @Override
        public Cancellable once(Runnable task, Duration delay) {
            return () -> { };
        }
    }

    private static final class Points {
        private long[] times = new long[64];
        private double[] values = new double[64];
        private int size;
        private boolean sorted = true;

        void add(long time, double value) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            sorted &= size == 0 || times[size - 1] <= time;
            times[size] = time;
            values[size] = value;
            size++;
        }

        Series toSeries() {
            long[] t = Arrays.copyOf(times, size);
            double[] v = Arrays.copyOf(values, size);
            if (!sorted) {
                Integer[] order = new Integer[size];
                for (int i = 0; i < size; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
                for (int i = 0; i < size; i++) {
                    t[i] = times[order[i]];
                    v[i] = values[order[i]];
                }
            }
            return new Series(t, v);
        }
    }

    private static final class Collector implements SampleSink {
        final Map<String, Points> samples = new LinkedHashMap<>();
        final List<String> problems = new ArrayList<>();
        String failure;
        private int received;

        int received() {
            return received;
        }

        @Override
        public void sample(String metricId, long epochMillis, double value) {
            received++;
            samples.computeIfAbsent(metricId, k -> new Points()).add(epochMillis, value);
        }

        @Override
        public void status(StatusUpdate update) {
            if (update.status() instanceof SourceStatus.Stale stale) {
                failure = stale.reason();
            } else if (update.status() instanceof SourceStatus.Error error) {
                failure = error.message();
            }
        }

        @Override
        public void problem(SourceProblem problem) {
            received++;
            problems.add(problem.toString());
        }
    }
}
