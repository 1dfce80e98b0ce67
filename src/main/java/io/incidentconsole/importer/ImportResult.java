package io.incidentconsole.importer;

import io.incidentconsole.plan.Plan;

/**
 * The outcome of an import: the plan (always valid, possibly empty), the tidy YAML it was loaded from (what
 * {@code import -o} writes and {@code validate} accepts), and the report of what was understood.
 */
public record ImportResult(Plan plan, String yaml, ImportReport report) {
}
