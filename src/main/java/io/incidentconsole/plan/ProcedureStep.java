package io.incidentconsole.plan;

/**
 * One step of a procedure: a comment and a command template (may be absent for a manual step).
 * An {@code alternative} step is an "or" the operator chooses instead of the steps before it.
 */
public record ProcedureStep(String id, String title, String command, boolean alternative) {
}
