package io.incidentconsole.ui.metrics;

import io.incidentconsole.metrics.Freshness;
import io.incidentconsole.metrics.LiveMetrics;
import io.incidentconsole.metrics.MetricSeries;
import io.incidentconsole.metrics.ReducedSeries;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** A chart's view of one metric in {@link LiveMetrics}. */
final class LiveFeed implements ChartFeed {

    private final LiveMetrics live;
    private final String metricId;
    private final Clock clock;
    private final boolean hasSource;

    LiveFeed(LiveMetrics live, String metricId, Clock clock) {
        this.live = live;
        this.metricId = metricId;
        this.clock = clock;
        this.hasSource = live.sources().stream().anyMatch(s -> s.metricIds().contains(metricId));
    }

    @Override
    public Optional<ReducedSeries> reduce(Instant from, Instant to, int columns) {
        return live.reduce(metricId, from, to, columns);
    }

    @Override
    public Freshness freshness() {
        return live.freshness(metricId);
    }

    @Override
    public OptionalDouble lastValue() {
        Optional<MetricSeries> series = live.store().series(metricId);
        return series.isEmpty() || series.get().isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(series.get().lastValue());
    }

    @Override
    public OptionalLong firstTime() {
        Optional<MetricSeries> series = live.store().series(metricId);
        return series.isEmpty() || series.get().isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(series.get().firstTime());
    }

    @Override
    public boolean hasSource() {
        return hasSource;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }
}
