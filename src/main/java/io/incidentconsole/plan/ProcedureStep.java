package io.incidentconsole.plan;

/**
 * One step of a procedure: a comment and a command template (may be absent for a manual step), and
 * optionally further comment lines ({@code detail}, e.g. "Keep old functions in place until fix verified").
 * An {@code alternative} step is an "or" the operator chooses instead of the steps before it. An {@code unsafe}
 * step may hand a value to something that runs it as code ({@code bash -c {{v}}}, see {@link CommandSyntax}):
 * the plan author says so explicitly, and the console's run confirmation shows it in red.
 */
public record ProcedureStep(String id, String title, String command, boolean alternative, String detail,
                            boolean unsafe) {

    /** A step that is not marked unsafe. */
    public ProcedureStep(String id, String title, String command, boolean alternative, String detail) {
        this(id, title, command, alternative, detail, false);
    }

    /** A step without further detail. */
    public ProcedureStep(String id, String title, String command, boolean alternative) {
        this(id, title, command, alternative, null, false);
    }
}
