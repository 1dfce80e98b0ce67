package io.incidentconsole.rollback;

/**
 * Why a script cannot be generated: a parameter and the rule its value breaks, or (parameter null) a
 * problem with the procedure itself.
 */
public record FieldProblem(String parameter, String reason, String rule) {

    /** "commit: 'xyz' is not a git commit hash (rule: a git commit hash: 7 to 40 hexadecimal digits)". */
    public String message() {
        if (parameter == null) {
            return reason;
        }
        return parameter + ": " + reason + (rule == null || reason.contains(rule) ? "" : " (rule: " + rule + ")");
    }
}
