package io.incidentconsole.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Metric values given by a test. */
final class FixedHistory implements MetricHistory {

    private final Map<String, Series> series = new LinkedHashMap<>();

    FixedHistory with(String metricId, Instant[] times, double... values) {
        long[] t = new long[times.length];
        for (int i = 0; i < times.length; i++) {
            t[i] = times[i].toEpochMilli();
        }
        series.put(metricId, new Series(t, values));
        return this;
    }

    @Override
    public Optional<Series> series(String metricId) {
        return Optional.ofNullable(series.get(metricId));
    }

    @Override
    public String description() {
        return "test values";
    }

    @Override
    public boolean simulated() {
        return false;
    }
}
