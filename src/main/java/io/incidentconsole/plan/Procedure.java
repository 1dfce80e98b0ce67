package io.incidentconsole.plan;

import java.util.List;

/** An ordered list of rollback steps ("If Phase 2 (Package Update) Causes Issues"). */
public record Procedure(@Required String id, String title, List<String> phases, @Required List<ProcedureStep> steps) {
    public Procedure {
        phases = Lists.copy(phases);
        steps = Lists.copy(steps);
    }
}
