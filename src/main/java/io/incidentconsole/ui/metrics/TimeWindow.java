package io.incidentconsole.ui.metrics;

import java.time.Duration;

/** The chart windows; keys 1–5 in the metrics view. {@link #ALL} spans from the oldest stored sample. */
public enum TimeWindow {
    MINUTES_15("15 min", Duration.ofMinutes(15)),
    HOUR_1("1 h", Duration.ofHours(1)),
    HOURS_6("6 h", Duration.ofHours(6)),
    HOURS_24("24 h", Duration.ofHours(24)),
    ALL("All", null);

    private final String label;
    private final Duration length;

    TimeWindow(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    public String label() {
        return label;
    }

    /** Null for {@link #ALL}. */
    public Duration length() {
        return length;
    }

    /** "1" … "5". */
    public String key() {
        return Integer.toString(ordinal() + 1);
    }

    @Override
    public String toString() {
        return label + " (" + key() + ")";
    }
}
