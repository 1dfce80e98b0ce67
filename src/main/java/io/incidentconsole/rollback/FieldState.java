package io.incidentconsole.rollback;

import io.incidentconsole.plan.Parameter;
import io.incidentconsole.plan.ParameterRules;

import java.util.Optional;

/**
 * One parameter of a rollback form: its current value (empty string when none), where that came from, and
 * why it is invalid if it is.
 */
public record FieldState(Parameter parameter, String value, ValueSource source, Optional<String> problem) {

    public String name() {
        return parameter.name();
    }

    public boolean valid() {
        return problem.isEmpty();
    }

    /** The rule the parameter's type enforces, in words ("a git commit hash: 7 to 40 hexadecimal digits"). */
    public String rule() {
        return ParameterRules.rule(parameter.type());
    }
}
