package io.incidentconsole.plan;

public enum Priority {
    CRITICAL, HIGH, MEDIUM, LOW
}
