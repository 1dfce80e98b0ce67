package io.incidentconsole.plan;

/** A metric condition that, when it holds, raises an alert and offers the runbook. */
public record AlertRule(@Required String id, String name, @Required MetricCondition when, Severity severity, String runbook) {
    public AlertRule {
        severity = severity == null ? Severity.WARNING : severity;
    }
}
