package io.incidentconsole.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * The seed's status legend, plus the two states of a rollback. Which status may follow which, and what gates a
 * change, is {@code io.incidentconsole.incident.PhaseLifecycle} (docs/decisions/0005-phase-lifecycle.md).
 */
public enum PhaseStatus {
    PENDING("Not started, waiting for dependencies"),
    IN_PROGRESS("Currently being worked on"),
    COMPLETE("Finished and verified"),
    EVAL("Needs evaluation/decision"),
    BLOCKED("Cannot proceed"),
    ROLLING_BACK("Its rollback is running"),
    ROLLED_BACK("Rolled back; its tests are to be run again");

    private final String meaning;

    PhaseStatus(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    /** As the seed writes it: "IN PROGRESS". */
    @JsonValue
    public String label() {
        return name().replace('_', ' ');
    }

    /** Accepts "IN PROGRESS", "in_progress", "in-progress". */
    @JsonCreator
    public static PhaseStatus parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return valueOf(key);
    }
}
