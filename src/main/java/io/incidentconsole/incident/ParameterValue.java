package io.incidentconsole.incident;

import java.time.Instant;

/** A value an operator entered for a runbook parameter, and the step that asked for it. */
public record ParameterValue(String name, String value, String sourceStep, String operator, Instant at) {
}
