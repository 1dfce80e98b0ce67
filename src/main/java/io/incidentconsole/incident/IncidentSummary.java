package io.incidentconsole.incident;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * One incident in the start dialog's list. {@code problem} is set when its folder cannot be read as an
 * incident (the other fields may then be null); {@code lastEvent} is empty for a journal with no readable event.
 * {@code drill}: a rehearsal (listed apart from real incidents).
 */
public record IncidentSummary(String id, Path directory, String planTitle, Instant createdAt, String createdBy,
                              Optional<Event> lastEvent, String problem, boolean drill) {

    public IncidentSummary(String id, Path directory, String planTitle, Instant createdAt, String createdBy,
                           Optional<Event> lastEvent, String problem) {
        this(id, directory, planTitle, createdAt, createdBy, lastEvent, problem, false);
    }

    /** When anything last happened: the last event, or the creation. */
    public Instant lastActivity() {
        return lastEvent.map(Event::at).orElse(createdAt == null ? Instant.EPOCH : createdAt);
    }
}
