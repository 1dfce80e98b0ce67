package io.incidentconsole.incident;

import java.time.Instant;

/** A note: free text an operator added, optionally about a phase. */
public record NoteRecord(String phaseId, String text, String operator, Instant at) {
}
