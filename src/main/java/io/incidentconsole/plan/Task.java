package io.incidentconsole.plan;

import java.util.List;

/** A checklist item of a phase. {@code issue} says whose task it is when a phase serves two issues. */
public record Task(String id, @Required String text, String issue, List<String> details) {
    public Task {
        details = Lists.copy(details);
    }
}
