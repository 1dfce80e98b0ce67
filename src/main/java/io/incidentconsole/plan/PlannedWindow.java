package io.incidentconsole.plan;

import java.time.Duration;

/**
 * When the plan expects a phase to run, relative to the start of the incident: "Day 3-4" is
 * {@code start: P2D, duration: P2D}.
 */
public record PlannedWindow(@Required Duration start, @Required Duration duration) {

    public Duration end() {
        return start.plus(duration);
    }
}
