package io.incidentconsole.plan;

import java.time.LocalDate;

/** The plan document's header. */
public record PlanInfo(
        String title,
        LocalDate date,
        String owner,
        String status,
        String summary,
        String keyDecision,
        LocalDate lastUpdated) {

    static final PlanInfo EMPTY = new PlanInfo("Untitled plan", null, null, null, null, null, null);

    public PlanInfo {
        title = title == null || title.isBlank() ? "Untitled plan" : title;
    }
}
