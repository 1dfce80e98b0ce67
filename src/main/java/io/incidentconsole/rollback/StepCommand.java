package io.incidentconsole.rollback;

import io.incidentconsole.plan.ProcedureStep;
import io.incidentconsole.rollback.CommandTemplate.TemplateFillException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of a procedure as it runs step by step: its id, its number (as in the generated script: alternatives
 * are not counted, they are not run), its title, the exact command with the form's values filled in (null for a
 * manual step, which the operator does and marks done) and how long it may run.
 */
public record StepCommand(String stepId, int number, String title, String command, Duration timeout) {

    public boolean manual() {
        return command == null;
    }

    /**
     * The steps of the form's procedure with its current values.
     *
     * @throws ScriptRefusedException when a value is missing or invalid: no step runs with a bad value
     */
    public static List<StepCommand> of(RollbackForm form) throws ScriptRefusedException {
        if (!form.canGenerate()) {
            throw new ScriptRefusedException(form.problems());
        }
        List<StepCommand> steps = new ArrayList<>();
        List<ProcedureStep> all = form.procedure().steps();
        int number = 0;
        for (int i = 0; i < all.size(); i++) {
            ProcedureStep step = all.get(i);
            if (step.alternative()) {
                continue;
            }
            number++;
            String id = step.id() != null ? step.id() : form.procedure().id() + ".step-" + (i + 1);
            String command = null;
            if (step.command() != null) {
                try {
                    command = CommandTemplate.parse(step.command()).fill(form.values());
                } catch (TemplateFillException e) {
                    throw new ScriptRefusedException(List.of(new FieldProblem(e.parameter().orElse(null),
                            "step " + RollbackForm.stepLabel(step) + ": " + e.reason(), null)));
                }
            }
            steps.add(new StepCommand(id, number, step.title(), command, step.effectiveTimeout()));
        }
        return List.copyOf(steps);
    }
}
