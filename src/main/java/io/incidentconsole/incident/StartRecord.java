package io.incidentconsole.incident;

import java.time.Instant;

/** Who started the incident, when, and from which plan. */
public record StartRecord(String incidentId, String planTitle, String planSha256, String operator, Instant at) {
}
