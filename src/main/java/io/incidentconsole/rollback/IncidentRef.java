package io.incidentconsole.rollback;

/** The incident a rollback belongs to and who operates it: the script header and journal entries. */
public record IncidentRef(String incidentId, String incidentName, String planTitle, String operator) {
}
