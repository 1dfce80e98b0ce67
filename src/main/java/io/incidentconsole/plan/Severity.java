package io.incidentconsole.plan;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Locale;

public enum Severity {
    INFO, WARNING, CRITICAL;

    @JsonCreator
    public static Severity parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
