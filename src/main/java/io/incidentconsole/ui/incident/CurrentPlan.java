package io.incidentconsole.ui.incident;

import io.incidentconsole.plan.Plan;

/** The plan shown and its text; what "start a new incident" starts from. */
public record CurrentPlan(Plan plan, String source, String text) {
}
