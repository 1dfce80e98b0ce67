package io.incidentconsole.ui.metrics;

import java.time.Instant;

/**
 * An open alert as the banner shows it: "convex_calls crossed 900K at 09:14 UTC", with " · cleared at 09:16 UTC
 * (value 850K)" when it cleared before anyone acknowledged it ({@code cleared}). {@code runbookId} is the rollback
 * runbook to offer (null when the rule names none).
 */
public record AlertNotice(String ruleId, String metricId, String text, Instant firedAt, String runbookId,
                          boolean critical, boolean cleared) {
}
