/**
 * Live metrics without any UI toolkit: where numbers come from, how they are kept, reduced, judged stale and
 * turned into alerts.
 *
 * <p>Data flow: {@link io.incidentconsole.metrics.MetricSource}s ({@link io.incidentconsole.metrics.SimulatorSource},
 * {@link io.incidentconsole.metrics.PrometheusSource}, {@link io.incidentconsole.metrics.FileSource}) run on their
 * own threads and write samples, statuses and problems into a {@link io.incidentconsole.metrics.CoalescingBuffer}.
 * Once per frame the UI calls {@link io.incidentconsole.metrics.LiveMetrics#onFrame()}, which drains the buffer
 * into the {@link io.incidentconsole.metrics.SeriesStore} (12 bytes a point), updates the
 * {@link io.incidentconsole.metrics.StalenessTracker} and feeds the {@link io.incidentconsole.metrics.RuleEvaluator};
 * charts then ask {@link io.incidentconsole.metrics.LiveMetrics#reduce} for an M4 reduction the width of the chart
 * and {@link io.incidentconsole.metrics.LiveMetrics#freshness} for whether to show the numbers as current.
 * {@link io.incidentconsole.metrics.MetricSources} builds all of it from the plan and
 * {@link io.incidentconsole.metrics.MetricsSettings}.
 */
package io.incidentconsole.metrics;
