package io.incidentconsole.plan;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Locale;

public enum NoteKind {
    ANALYSIS, RATIONALE, LESSONS, REFERENCE, OTHER;

    @JsonCreator
    public static NoteKind parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
