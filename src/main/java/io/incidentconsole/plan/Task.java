package io.incidentconsole.plan;

import java.util.List;

/**
 * A checklist item of a phase. {@code issue} says whose task it is when a phase serves two issues; {@code done}
 * that it was already done when the plan was written ({@code - [x]} in a Markdown plan), so an incident starts
 * with it ticked.
 */
public record Task(String id, @Required String text, String issue, List<String> details, boolean done) {
    public Task {
        details = Lists.copy(details);
    }

    /** A task not yet done. */
    public Task(String id, String text, String issue, List<String> details) {
        this(id, text, issue, details, false);
    }
}
