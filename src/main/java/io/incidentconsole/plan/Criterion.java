package io.incidentconsole.plan;

/**
 * A success criterion or a rollback decision criterion. {@code when} optionally binds it to a metric
 * condition the console can evaluate by itself. {@code done}: a success criterion already met when the plan was
 * written ({@code - [x]} in a Markdown plan), so an incident starts with it confirmed.
 */
public record Criterion(String id, @Required String text, MetricCondition when, boolean done) {

    /** A criterion not yet met. */
    public Criterion(String id, String text, MetricCondition when) {
        this(id, text, when, false);
    }
}
