package io.incidentconsole.plan;

import java.util.List;

/** An ordered list of rollback steps ("If Phase 2 (Package Update) Causes Issues"). */
public record Procedure(@Required String id, String title, List<String> phases, @Required List<ProcedureStep> steps) {
    public Procedure {
        phases = Lists.copy(phases);
        steps = Lists.copy(steps);
    }

    /** The id of the step at {@code index} (from 0): its own, else {@code PROCEDURE.step-N} with N from 1. */
    public String stepId(int index) {
        ProcedureStep step = steps.get(index);
        return step.id() != null ? step.id() : id + ".step-" + (index + 1);
    }
}
