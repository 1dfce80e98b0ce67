package io.incidentconsole.plan;

/** The value a metric should reach once a phase is complete ("Convex calls drop to ~2.4M" after phase 2). */
public record Milestone(@Required String afterPhase, @Required double expected) {
}
