package io.incidentconsole.rollback;

/** Where a form field's value came from, so the view can say "pre-filled from the incident". */
public enum ValueSource {
    /** Typed by the operator. */
    ENTERED,
    /** Known in the incident, e.g. the commit recorded at a deploy step. */
    INCIDENT,
    /** The plan's default for the parameter. */
    DEFAULT,
    /** Nothing yet. */
    NONE
}
