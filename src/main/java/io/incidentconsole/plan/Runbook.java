package io.incidentconsole.plan;

import java.util.List;
import java.util.Optional;

/**
 * A rollback strategy for an issue: when to roll back (decision criteria) and how (procedures, each for
 * the phases it undoes). Parameters are shared by the runbook's procedures.
 */
public record Runbook(
        @Required String id,
        @Required String title,
        String issue,
        List<Criterion> criteria,
        List<Parameter> parameters,
        List<Procedure> procedures) {

    public Runbook {
        criteria = Lists.copy(criteria);
        parameters = Lists.copy(parameters);
        procedures = Lists.copy(procedures);
    }

    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
