package io.incidentconsole.incident;

import java.time.Instant;

/** The latest firing of an alert, and its acknowledgement if it has one since. */
public record AlertState(String alertId, String metricId, Double value, String message, Instant firedAt,
                         int timesFired, boolean acknowledged, String acknowledgedBy, Instant acknowledgedAt,
                         String acknowledgeNote, Instant clearedAt, Double clearedValue) {

    /** Still firing: no clearing was recorded since it last fired. */
    public boolean firing() {
        return clearedAt == null;
    }

    /**
     * The one rule of what is open, for every view and command: an alert nobody acknowledged since it last fired,
     * whether it is still firing or cleared meanwhile (cleared unseen is news too). Acknowledging closes it.
     */
    public boolean open() {
        return !acknowledged;
    }

    AlertState acknowledged(String by, Instant at, String note) {
        return new AlertState(alertId, metricId, value, message, firedAt, timesFired, true, by, at, note,
                clearedAt, clearedValue);
    }

    AlertState cleared(Instant at, Double value) {
        return new AlertState(alertId, metricId, this.value, message, firedAt, timesFired, acknowledged,
                acknowledgedBy, acknowledgedAt, acknowledgeNote, at, value);
    }
}
