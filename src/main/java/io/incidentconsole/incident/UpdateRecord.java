package io.incidentconsole.incident;

import java.time.Instant;

/** A stakeholder update published on a cadence. */
public record UpdateRecord(String cadenceId, String audience, String text, String operator, Instant at) {
}
