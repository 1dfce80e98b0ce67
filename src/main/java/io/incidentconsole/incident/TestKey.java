package io.incidentconsole.incident;

/** Where a test result applies. {@code phaseId} null: every phase the suite covers. */
public record TestKey(String phaseId, String suiteId, String testId) {
}
