package io.incidentconsole.plan;

import java.util.List;

/**
 * A named value a command template needs, e.g. {@code commit} of type GIT_COMMIT. A value starting with
 * {@code -} would be read by the command as an option ({@code --upload-pack=...}), so it is refused unless the
 * parameter declares {@code allowOptions: true}.
 */
public record Parameter(
        @Required String name,
        ParameterType type,
        String description,
        String defaultValue,
        Boolean required,
        List<String> choices,
        Boolean allowOptions) {

    public Parameter {
        type = type == null ? ParameterType.TEXT : type;
        choices = Lists.copy(choices);
    }

    /** A parameter whose values may not be options. */
    public Parameter(String name, ParameterType type, String description, String defaultValue, Boolean required,
                     List<String> choices) {
        this(name, type, description, defaultValue, required, choices, null);
    }

    public boolean isRequired() {
        return required == null || required;
    }

    public boolean allowsOptions() {
        return allowOptions != null && allowOptions;
    }
}
