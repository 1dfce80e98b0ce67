package io.incidentconsole.incident;

import java.time.Instant;

/** An approval signed off by someone in a role. */
public record SignOffRecord(String approvalId, String role, String note, String operator, Instant at) {
}
