package io.incidentconsole.plan;

import java.util.List;

/**
 * A tracked issue the plan fixes (e.g. #330). The text attributes are the rows of the plan's comparison
 * table, kept as written; {@code priority} is also a level so the console can order and colour by it.
 */
public record PlanIssue(
        @Required String id,
        @Required String title,
        Priority priority,
        String priorityNote,
        String severity,
        String impact,
        String urgency,
        String risk,
        String created,
        String dependencyNote,
        String filesSummary,
        List<String> affectedFiles,
        String description) {

    public PlanIssue {
        affectedFiles = Lists.copy(affectedFiles);
    }

    /** "#330". */
    public String label() {
        return "#" + id;
    }
}
