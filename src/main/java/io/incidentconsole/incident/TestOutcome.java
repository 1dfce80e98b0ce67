package io.incidentconsole.incident;

/** The result an operator records for a check or a test case. */
public enum TestOutcome {
    PASS, FAIL, SKIPPED, BLOCKED
}
