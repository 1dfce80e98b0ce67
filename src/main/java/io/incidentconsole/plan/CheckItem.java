package io.incidentconsole.plan;

/**
 * One line of a testing checklist ("Login/logout works"). {@code done}: it had already passed when the plan was
 * written ({@code - [x]} in a Markdown plan), so an incident starts with it passed.
 */
public record CheckItem(String id, @Required String text, boolean done) {

    /** A check not yet done. */
    public CheckItem(String id, String text) {
        this(id, text, false);
    }
}
