package io.incidentconsole.plan;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Locale;

/** Which way is better for a metric. */
public enum Direction {
    DOWN, UP;

    @JsonCreator
    public static Direction parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
