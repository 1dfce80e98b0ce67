package io.incidentconsole.rollback;

import io.incidentconsole.plan.Parameter;
import io.incidentconsole.plan.ParameterRules;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.ProcedureStep;
import io.incidentconsole.plan.Runbook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parameter form of one rollback procedure, immutable: each change returns a new form. A field's value
 * is what the operator entered, else what the incident already knows (the commit recorded at a deploy
 * step), else the plan's default. Only the parameters the procedure's commands use appear, in the order
 * the runbook declares them.
 */
public final class RollbackForm {

    private final Runbook runbook;
    private final Procedure procedure;
    private final Map<String, String> known;
    private final Map<String, String> entered;
    private final List<FieldState> fields;
    private final List<FieldProblem> procedureProblems;

    private RollbackForm(Runbook runbook, Procedure procedure, Map<String, String> known,
                         Map<String, String> entered) {
        this.runbook = runbook;
        this.procedure = procedure;
        this.known = known;
        this.entered = entered;
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (ProcedureStep step : procedure.steps()) {
            if (step.command() == null) {
                continue;
            }
            CommandTemplate template = CommandTemplate.parse(step.command(), step.unsafe());
            template.slots().forEach(slot -> used.add(slot.placeholder().name()));
            String where = "step " + stepLabel(step);
            template.problems().forEach(p -> problems.add(new FieldProblem(null, where + ": " + p, null)));
        }
        List<FieldState> states = new ArrayList<>();
        for (Parameter parameter : runbook.parameters()) {
            if (used.remove(parameter.name())) {
                states.add(state(parameter));
            }
        }
        used.forEach(name -> problems.add(new FieldProblem(null,
                "placeholder '" + name + "' has no parameter declared in runbook '" + runbook.id() + "'", null)));
        this.fields = List.copyOf(states);
        this.procedureProblems = List.copyOf(problems);
    }

    /**
     * A form with nothing entered yet.
     *
     * @param knownValues values the incident already holds, by parameter name (may be empty)
     */
    public static RollbackForm open(Runbook runbook, Procedure procedure, Map<String, String> knownValues) {
        if (!runbook.procedures().contains(procedure)) {
            throw new IllegalArgumentException("procedure '" + procedure.id() + "' is not part of runbook '"
                    + runbook.id() + "'");
        }
        Map<String, String> known = new LinkedHashMap<>();
        knownValues.forEach((name, value) -> {
            if (name != null && value != null && !value.isEmpty()) {
                known.put(name, value);
            }
        });
        return new RollbackForm(runbook, procedure, Map.copyOf(known), Map.of());
    }

    /** The form with the operator's value for a parameter (an empty value clears the field). */
    public RollbackForm with(String name, String value) {
        requireField(name);
        Map<String, String> next = new LinkedHashMap<>(entered);
        next.put(name, value == null ? "" : value);
        return new RollbackForm(runbook, procedure, known, Map.copyOf(next));
    }

    /** The form with the operator's value for a parameter dropped: back to the incident's value or the default. */
    public RollbackForm reset(String name) {
        requireField(name);
        Map<String, String> next = new LinkedHashMap<>(entered);
        next.remove(name);
        return new RollbackForm(runbook, procedure, known, Map.copyOf(next));
    }

    public Runbook runbook() {
        return runbook;
    }

    public Procedure procedure() {
        return procedure;
    }

    public List<FieldState> fields() {
        return fields;
    }

    public Optional<FieldState> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Every reason generation is impossible: invalid or missing values, unsafe command templates. */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>(procedureProblems);
        for (FieldState field : fields) {
            field.problem().ifPresent(reason -> problems.add(new FieldProblem(field.name(), reason, field.rule())));
        }
        return List.copyOf(problems);
    }

    public boolean canGenerate() {
        return procedureProblems.isEmpty() && fields.stream().allMatch(FieldState::valid);
    }

    /** The current value of every field, in form order. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach(f -> values.put(f.name(), f.value()));
        return Collections.unmodifiableMap(values);
    }

    private FieldState state(Parameter parameter) {
        String name = parameter.name();
        String value;
        ValueSource source;
        if (entered.containsKey(name)) {
            value = entered.get(name);
            source = ValueSource.ENTERED;
        } else if (known.containsKey(name)) {
            value = known.get(name);
            source = ValueSource.INCIDENT;
        } else if (parameter.defaultValue() != null) {
            value = parameter.defaultValue();
            source = ValueSource.DEFAULT;
        } else {
            value = "";
            source = ValueSource.NONE;
        }
        Optional<String> problem = ParameterRules.check(parameter, value);
        if (problem.isEmpty() && !value.isEmpty()) {
            problem = ShellQuoting.refusal(value);
        }
        return new FieldState(parameter, value, source, problem);
    }

    private void requireField(String name) {
        if (field(name).isEmpty()) {
            throw new IllegalArgumentException("procedure '" + procedure.id() + "' has no parameter '" + name
                    + "'; its parameters: " + fields.stream().map(FieldState::name).toList());
        }
    }

    static String stepLabel(ProcedureStep step) {
        return step.id() != null ? step.id() : String.valueOf(step.title());
    }
}
