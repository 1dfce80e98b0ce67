package io.incidentconsole.plan;

/**
 * Where live values of a metric come from: a PromQL query for a Prometheus source, and/or the series name
 * used in a metrics file. Absent means the simulator (or nothing) feeds it.
 */
public record MetricBinding(String prometheus, String series) {
}
