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

    /**
     * The holder of the incident in this state. It is shown after every event, and a journal can hold 100,000 of
     * them: the state keeps the few starts and take-overs aside (a scan of every event cost 2-3 ms a tick, issue 22).
     */
    public static Optional<IncidentHolder> of(IncidentState state) {
        return of(state.holderEvents(), state::isUndone);
    }

    /**
     * Whoever last took it over (searched from the end), else whoever started it, among {@code events} (the whole
     * journal, or only its starts and take-overs). Only events of those two kinds are asked whether they were undone.
     */
    static Optional<IncidentHolder> of(List<Event> events, Predicate<String> undone) {
        for (int i = events.size() - 1; i >= 0; i--) {
            Event event = events.get(i);
            if (event.payload() instanceof IncidentTakenOver p && !undone.test(event.id())) {
                return Optional.of(new IncidentHolder(p.toOperator(), event.at(), true));
            }
        }
        for (Event event : events) {
            if (event.payload() instanceof IncidentStarted && !undone.test(event.id())) {
                return Optional.of(new IncidentHolder(event.operator(), event.at(), false));
            }
        }
        return Optional.empty();
    }
}
