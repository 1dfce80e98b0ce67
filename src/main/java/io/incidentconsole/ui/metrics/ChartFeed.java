package io.incidentconsole.ui.metrics;

import io.incidentconsole.metrics.Freshness;
import io.incidentconsole.metrics.ReducedSeries;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** What a {@link MetricChart} reads about its metric: reduced data for a window, freshness, the newest value. */
public interface ChartFeed {

    /** The M4 reduction over {@code [from, to)} for a chart {@code columns} pixels wide; empty without data. */
    Optional<ReducedSeries> reduce(Instant from, Instant to, int columns);

    Freshness freshness();

    OptionalDouble lastValue();

    /** The time of the oldest stored sample (the start of the "All" window). */
    OptionalLong firstTime();

    /** Whether any source feeds this metric at all. */
    boolean hasSource();

    Instant now();
}
