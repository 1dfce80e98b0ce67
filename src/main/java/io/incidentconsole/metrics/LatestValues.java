package io.incidentconsole.metrics;

import java.time.Instant;
import java.util.Optional;
import java.util.function.DoublePredicate;

/**
 * The newest value of each metric and how fresh it is: what a success criterion with a metric condition, or a
 * guided step's "Watch" line, is read against. No UI toolkit here; {@link LiveMetrics} is the live one.
 */
public interface LatestValues {

    /** No metrics at all (no source configured, or none running yet). */
    LatestValues NONE = new LatestValues() {
        @Override
        public Optional<Reading> latest(String metricId) {
            return Optional.empty();
        }

        @Override
        public Optional<Instant> holdingSince(String metricId, DoublePredicate condition) {
            return Optional.empty();
        }
    };

    /** The newest sample of a metric; empty when none ever arrived. */
    Optional<Reading> latest(String metricId);

    /**
     * Since when (the time of the oldest sample of the unbroken run that ends with the newest) the condition has
     * held; empty when the newest sample does not satisfy it or there is none.
     */
    Optional<Instant> holdingSince(String metricId, DoublePredicate condition);

    /** One metric's newest value, when it was sampled, and whether it is current. */
    record Reading(String metricId, double value, Instant at, Freshness freshness) {
        public boolean current() {
            return freshness.isCurrent();
        }
    }
}
