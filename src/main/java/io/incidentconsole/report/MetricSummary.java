package io.incidentconsole.report;

import io.incidentconsole.plan.Direction;
import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.QuantityFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Each plan metric before and after: baseline, first and last value seen, target, and whether it is met. */
public final class MetricSummary {

    private MetricSummary() {
    }

    /** {@code first}/{@code last} null when the source has no values for the metric. */
    public record Row(Metric metric, Double first, Double last) {

        /** Whether the last value reached the target; empty when there is no target or no value. */
        public Optional<Boolean> met() {
            if (metric.target() == null || last == null || last.isNaN()) {
                return Optional.empty();
            }
            return Optional.of(metric.direction() == Direction.DOWN ? last <= metric.target()
                    : last >= metric.target());
        }

        public String metText() {
            return met().map(m -> m ? "yes" : "no").orElse("—");
        }

        public String unit() {
            return metric.unit() == null ? "" : metric.unit();
        }

        List<String> cells() {
            return List.of(metric.name(), unit(), format(metric.baseline()), format(first), format(last),
                    last == null ? "" : QuantityFormat.change(metric.baseline(), last), format(metric.target()), metText());
        }
    }

    static final List<String> HEADERS = List.of("Metric", "Unit", "Baseline", "First value", "Last value",
            "Change", "Target", "Target met?");

    public static List<Row> rows(Plan plan, MetricHistory history, long untilEpochMillis) {
        List<Row> rows = new ArrayList<>();
        for (Metric metric : plan.metrics()) {
            Optional<MetricHistory.Series> series = history.series(metric.id())
                    .map(s -> s.upTo(untilEpochMillis)).filter(s -> !s.isEmpty());
            rows.add(new Row(metric, series.map(MetricHistory.Series::first).orElse(null),
                    series.map(MetricHistory.Series::last).orElse(null)));
        }
        return rows;
    }

    static String format(Double value) {
        return value == null ? "—" : QuantityFormat.compact(value);
    }
}
