package io.incidentconsole.ui.metrics;

import java.time.Instant;

/** A vertical line on the charts: a phase started or completed at {@code at} (from the journal). */
public record PhaseMarker(Instant at, String label, boolean completed) {
}
