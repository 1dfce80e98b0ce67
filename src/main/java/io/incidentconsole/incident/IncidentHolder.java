package io.incidentconsole.incident;

import io.incidentconsole.incident.EventPayload.IncidentStarted;
import io.incidentconsole.incident.EventPayload.IncidentTakenOver;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who has the incident and since when, read from the journal: whoever last took it over, else whoever started
 * it. Every console of a team incident reads the same journal, so every one shows the same holder.
 */
public record IncidentHolder(String operator, Instant since, boolean tookOver) {

    public static Optional<IncidentHolder> of(IncidentState state) {
        return of(state.events(), state::isUndone);
    }

    static Optional<IncidentHolder> of(List<Event> events, Predicate<String> undone) {
        IncidentHolder holder = null;
        for (Event event : events) {
            if (undone.test(event.id())) {
                continue;
            }
            if (event.payload() instanceof IncidentTakenOver p) {
                holder = new IncidentHolder(p.toOperator(), event.at(), true);
            } else if (event.payload() instanceof IncidentStarted && holder == null) {
                holder = new IncidentHolder(event.operator(), event.at(), false);
            }
        }
        return Optional.ofNullable(holder);
    }
}
