package io.incidentconsole.plan;

import java.util.List;

/** A named value a command template needs, e.g. {@code commit} of type GIT_COMMIT. */
public record Parameter(
        @Required String name,
        ParameterType type,
        String description,
        String defaultValue,
        Boolean required,
        List<String> choices) {

    public Parameter {
        type = type == null ? ParameterType.TEXT : type;
        choices = Lists.copy(choices);
    }

    public boolean isRequired() {
        return required == null || required;
    }
}
