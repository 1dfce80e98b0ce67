package io.incidentconsole.plan;

/** One line of a testing checklist ("Login/logout works"). */
public record CheckItem(String id, @Required String text) {
}
