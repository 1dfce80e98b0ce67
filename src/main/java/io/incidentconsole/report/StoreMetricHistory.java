package io.incidentconsole.report;

import io.incidentconsole.metrics.MetricSeries;
import io.incidentconsole.metrics.SeriesStore;

import java.util.Optional;

/**
 * The console's live metric store as a report source. The UI passes its {@code LiveMetrics} store here (on the
 * FX thread, where the store is drained) when composing an update or exporting a report.
 */
public final class StoreMetricHistory implements MetricHistory {

    private final SeriesStore store;
    private final String description;
    private final boolean simulated;

    public StoreMetricHistory(SeriesStore store, String description, boolean simulated) {
        this.store = store;
        this.description = description;
        this.simulated = simulated;
    }

    @Override
    public Optional<Series> series(String metricId) {
        return store.series(metricId).filter(s -> !s.isEmpty()).map(StoreMetricHistory::copy);
    }

    private static Series copy(MetricSeries series) {
        long[] times = new long[series.size()];
        double[] values = new double[series.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = series.time(i);
            values[i] = series.value(i);
        }
        return new Series(times, values);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean simulated() {
        return simulated;
    }
}
