package io.incidentconsole.plan;

/**
 * One step of a procedure: a comment and a command template (may be absent for a manual step), and
 * optionally further comment lines ({@code detail}, e.g. "Keep old functions in place until fix verified").
 * An {@code alternative} step is an "or" the operator chooses instead of the steps before it.
 */
public record ProcedureStep(String id, String title, String command, boolean alternative, String detail) {

    /** A step without further detail. */
    public ProcedureStep(String id, String title, String command, boolean alternative) {
        this(id, title, command, alternative, null);
    }
}
