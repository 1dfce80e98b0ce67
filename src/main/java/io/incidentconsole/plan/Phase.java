package io.incidentconsole.plan;

import java.util.List;

/**
 * One row of the plan's status tracking table: a unit of work that belongs to one or more issues and
 * may be gated by other phases. Tests live in {@link TestSuite}s that name the phases they cover.
 */
public record Phase(
        @Required String id,
        String number,
        @Required String name,
        List<String> issues,
        String timeline,
        PlannedWindow planned,
        List<String> dependsOn,
        boolean optional,
        PhaseStatus status,
        String statusNote,
        String description,
        List<Task> tasks,
        List<Criterion> successCriteria,
        List<GuidedStep> guidedSteps,
        AuditGate audit) {

    public Phase {
        issues = Lists.copy(issues);
        dependsOn = Lists.copy(dependsOn);
        status = status == null ? PhaseStatus.PENDING : status;
        tasks = Lists.copy(tasks);
        successCriteria = Lists.copy(successCriteria);
        guidedSteps = Lists.copy(guidedSteps);
    }

    /** "3: Code Cleanup", the form used in the seed's status table. */
    public String label() {
        return number == null || number.isBlank() ? name : number + ": " + name;
    }
}
