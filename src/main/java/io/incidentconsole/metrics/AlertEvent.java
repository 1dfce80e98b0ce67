package io.incidentconsole.metrics;

import java.time.Instant;

/** A change in a rule's alert state, for the banner, the notification and the journal. */
public sealed interface AlertEvent {

    Rule rule();

    Instant at();

    /** The condition held continuously since {@code holdingSince} for at least its {@code for} duration. */
    record Fired(Rule rule, Instant at, double value, Instant holdingSince) implements AlertEvent {
    }

    /** The condition stopped holding. */
    record Cleared(Rule rule, Instant at, double value) implements AlertEvent {
    }

    /** Someone took note of a firing alert. */
    record Acknowledged(Rule rule, Instant at, String by) implements AlertEvent {
    }
}
