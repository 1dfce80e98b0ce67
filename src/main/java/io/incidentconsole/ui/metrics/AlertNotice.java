package io.incidentconsole.ui.metrics;

import java.time.Instant;

/**
 * A firing, unacknowledged alert as the banner shows it: "convex_calls crossed 900K at 09:14 UTC".
 * {@code runbookId} is the rollback runbook to offer (null when the rule names none).
 */
public record AlertNotice(String ruleId, String metricId, String text, Instant firedAt, String runbookId,
                          boolean critical) {
}
