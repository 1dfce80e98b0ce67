package io.incidentconsole.plan;

import java.util.List;

/** An issue's dependencies and blockers as the plan lists them. */
public record DependencySet(@Required String issue, List<String> external, List<String> internal, List<String> blockers) {
    public DependencySet {
        external = Lists.copy(external);
        internal = Lists.copy(internal);
        blockers = Lists.copy(blockers);
    }
}
