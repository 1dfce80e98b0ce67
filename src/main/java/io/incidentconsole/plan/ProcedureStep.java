package io.incidentconsole.plan;

import java.time.Duration;

/**
 * One step of a procedure: a comment and a command template (may be absent for a manual step), and
 * optionally further comment lines ({@code detail}, e.g. "Keep old functions in place until fix verified").
 * An {@code alternative} step is an "or" the operator chooses instead of the steps before it. An {@code unsafe}
 * step may hand a value to something that runs it as code ({@code bash -c {{v}}}, see {@link CommandSyntax}):
 * the plan author says so explicitly, and the console's run confirmation shows it in red. {@code timeout}
 * bounds the step when the procedure is run step by step (absent: {@link #DEFAULT_TIMEOUT}).
 */
public record ProcedureStep(String id, String title, String command, boolean alternative, String detail,
                            boolean unsafe, Duration timeout) {

    /** How long a step may run, when the plan does not say, before the console ends it. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    /** A step without a timeout of its own. */
    public ProcedureStep(String id, String title, String command, boolean alternative, String detail,
                         boolean unsafe) {
        this(id, title, command, alternative, detail, unsafe, null);
    }

    /** A step that is not marked unsafe. */
    public ProcedureStep(String id, String title, String command, boolean alternative, String detail,
                         Duration timeout) {
        this(id, title, command, alternative, detail, false, timeout);
    }

    /** A step that is not marked unsafe, without a timeout of its own. */
    public ProcedureStep(String id, String title, String command, boolean alternative, String detail) {
        this(id, title, command, alternative, detail, false, null);
    }

    /** A step without further detail. */
    public ProcedureStep(String id, String title, String command, boolean alternative) {
        this(id, title, command, alternative, null, false, null);
    }

    /** The plan's timeout, or the default. */
    public Duration effectiveTimeout() {
        return timeout == null ? DEFAULT_TIMEOUT : timeout;
    }
}
