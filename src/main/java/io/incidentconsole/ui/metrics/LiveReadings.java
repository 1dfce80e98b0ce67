package io.incidentconsole.ui.metrics;

import io.incidentconsole.metrics.LatestValues;

/**
 * The newest metric values for views other than the charts (the board's criteria, guided mode's "Watch" line),
 * and a signal when they may have changed: new samples, a source's status, or time passing (a value goes stale
 * without any sample arriving).
 */
public interface LiveReadings {

    /** No metrics: every value missing, nothing ever changes. */
    LiveReadings NONE = new LiveReadings() {
        @Override
        public LatestValues values() {
            return LatestValues.NONE;
        }

        @Override
        public Runnable listen(Runnable onChange) {
            return () -> { };
        }
    };

    LatestValues values();

    /** Calls {@code onChange} on the FX thread when the values may have changed; returns what stops that. */
    Runnable listen(Runnable onChange);
}
