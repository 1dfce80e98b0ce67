package io.incidentconsole.guided;

import io.incidentconsole.plan.GuidedStep;
import io.incidentconsole.plan.Parameter;
import io.incidentconsole.plan.ParameterRules;
import io.incidentconsole.rollback.CommandTemplate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A guided step's command with its parameters filled: each value quoted for bash by the rollback
 * {@link CommandTemplate}, so a value is always one literal word. {@code text} is null while a value is missing
 * or invalid; {@code problems} then names each parameter and what is wrong.
 */
public record StepCommand(String text, Map<String, String> problems) {

    public StepCommand {
        problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public boolean ready() {
        return text != null;
    }

    /**
     * The values a step's parameters start with: the value recorded in the incident under the same name,
     * else the plan's default, else empty.
     */
    public static Map<String, String> initialValues(List<Parameter> parameters, Function<String, Optional<String>> recorded) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            values.put(parameter.name(), recorded.apply(parameter.name())
                    .orElse(parameter.defaultValue() == null ? "" : parameter.defaultValue()));
        }
        return values;
    }

    /** Problems of values against their parameters' types, by parameter name; empty when all hold. */
    public static Map<String, String> validate(List<Parameter> parameters, Map<String, String> values) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            ParameterRules.check(parameter, values.getOrDefault(parameter.name(), ""))
                    .ifPresent(reason -> problems.put(parameter.name(), reason));
        }
        return problems;
    }

    /** Fills the step's command; a step without a command has none to fill ({@code text} null, no problems). */
    public static StepCommand of(GuidedStep step, Map<String, String> values) {
        if (step.command() == null || step.command().isBlank()) {
            return new StepCommand(null, Map.of());
        }
        Map<String, String> problems = validate(step.parameters(), values);
        if (!problems.isEmpty()) {
            return new StepCommand(null, problems);
        }
        try {
            return new StepCommand(CommandTemplate.parse(step.command(), step.isUnsafe()).fill(values), Map.of());
        } catch (CommandTemplate.TemplateFillException e) {
            return new StepCommand(null, Map.of(e.parameter().orElse("command"), e.reason()));
        }
    }
}
