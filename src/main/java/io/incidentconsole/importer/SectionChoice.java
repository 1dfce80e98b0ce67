package io.incidentconsole.importer;

import java.util.Locale;

/** What the operator says a section of an imported document is, overriding what the importer recognised. */
public enum SectionChoice {
    PHASE("phase"), RUNBOOK("runbook"), TEST_SUITE("test suite"), NOTES("notes"), IGNORE("ignore");

    private final String label;

    SectionChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The choice named by a label or a constant name, or null. */
    public static SectionChoice parse(String text) {
        for (SectionChoice c : values()) {
            if (c.label.equalsIgnoreCase(text.strip()) || c.name().equalsIgnoreCase(text.strip())) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1);
    }
}
