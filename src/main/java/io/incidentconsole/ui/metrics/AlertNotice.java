package io.incidentconsole.ui.metrics;

import java.time.Instant;

/**
 * An open alert as the banner shows it: "convex_calls crossed 900K at 09:14 UTC", with " · cleared at 09:16 UTC
 * (value 850K)" when it cleared before anyone acknowledged it ({@code cleared}). {@code runbookId} is the rollback
 * runbook to offer (null when the rule names none). {@code headline}: the same in the few words the status bar has
 * room for (an alert without a plan rule carries its message in {@code text} only).
 */
public record AlertNotice(String ruleId, String metricId, String text, String headline, Instant firedAt,
                          String runbookId, boolean critical, boolean cleared) {
}
