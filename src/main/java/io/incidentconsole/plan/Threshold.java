package io.incidentconsole.plan;

/** An alert line on a metric's chart ("Convex alerts at 500K, 750K, 900K calls"). */
public record Threshold(@Required double value, Severity severity, String label) {
    public Threshold {
        severity = severity == null ? Severity.WARNING : severity;
    }
}
