package io.incidentconsole.incident;

import java.util.Set;

/** One row of the timeline: the event, its kind, the phases it concerns, what it did in words, and whether it was undone. */
public record TimelineEntry(Event event, String kind, Set<String> phaseIds, String summary, boolean undone) {
    public TimelineEntry {
        phaseIds = Set.copyOf(phaseIds);
    }
}
