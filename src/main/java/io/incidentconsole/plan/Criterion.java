package io.incidentconsole.plan;

/**
 * A success criterion or a rollback decision criterion. {@code when} optionally binds it to a metric
 * condition the console can evaluate by itself.
 */
public record Criterion(String id, @Required String text, MetricCondition when) {
}
