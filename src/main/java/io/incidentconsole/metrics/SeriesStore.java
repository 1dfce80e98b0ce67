package io.incidentconsole.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All live series by metric id. Owned by one thread (the one that drains the {@link CoalescingBuffer});
 * sources never touch it directly.
 */
public final class SeriesStore {

    private final Map<String, MetricSeries> series = new LinkedHashMap<>();

    public MetricSeries.AppendResult append(String metricId, long epochMillis, double value) {
        return series.computeIfAbsent(metricId, MetricSeries::new).append(epochMillis, value);
    }

    public Optional<MetricSeries> series(String metricId) {
        return Optional.ofNullable(series.get(metricId));
    }

    public Set<String> metricIds() {
        return Collections.unmodifiableSet(series.keySet());
    }

    public long storageBytes() {
        return series.values().stream().mapToLong(MetricSeries::storageBytes).sum();
    }
}
