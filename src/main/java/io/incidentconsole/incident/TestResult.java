package io.incidentconsole.incident;

import java.time.Instant;

/** One result an operator recorded for a test; {@code seq} is the journal position of its event. */
public record TestResult(TestOutcome outcome, String note, String operator, Instant at, long seq) {
}
