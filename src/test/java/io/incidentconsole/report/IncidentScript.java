package io.incidentconsole.report;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Drives an incident over the bundled seed plan through journal events at chosen times. */
final class IncidentScript {

    static final Instant START = Instant.parse("2026-01-29T09:00:00Z");

    final Plan plan = new PlanLoader().loadBundledSeed().plan();
    private final List<Event> events = new ArrayList<>();
    private Instant now = START;

    IncidentScript() {
        at(START, new EventPayload.IncidentStarted("inc-1", "Issues #324 and #330", "sha"));
    }

    /** Records the events at {@code minutes} after the start. */
    IncidentScript atMinute(long minutes, EventPayload... payloads) {
        return at(START.plus(Duration.ofMinutes(minutes)), payloads);
    }

    IncidentScript at(Instant at, EventPayload... payloads) {
        now = at;
        for (EventPayload payload : payloads) {
            events.add(new Event("e" + (events.size() + 1), events.size() + 1, at, "ana", payload));
        }
        return this;
    }

    Instant minute(long minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }

    Instant now() {
        return now;
    }

    String lastEventId() {
        return events.get(events.size() - 1).id();
    }

    IncidentState state() {
        return IncidentState.replay(plan, events);
    }
}
