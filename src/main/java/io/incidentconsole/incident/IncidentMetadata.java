package io.incidentconsole.incident;

import java.time.Instant;

/**
 * incident.json: what an incident is, readable without reading its journal. {@code planSource} is where the
 * plan came from (a path or "bundled:..."); the copy used is plan.yaml beside it, with {@code planSha256}.
 * {@code drill}: a rehearsal, not a real outage (absent, false, in incidents of 0.1).
 */
public record IncidentMetadata(int format, String id, Instant createdAt, String createdBy, String planTitle,
                               String planSource, String planSha256, boolean drill) {

    public static final int FORMAT = 1;

    public IncidentMetadata(int format, String id, Instant createdAt, String createdBy, String planTitle,
                            String planSource, String planSha256) {
        this(format, id, createdAt, createdBy, planTitle, planSource, planSha256, false);
    }
}
