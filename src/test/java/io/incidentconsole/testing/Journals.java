package io.incidentconsole.testing;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds incident states over the bundled seed plan, one event a minute from 10:00 UTC, operator ana. */
final class Journals {

    static final Plan SEED = new PlanLoader().loadBundledSeed().plan();
    static final Instant START = Instant.parse("2026-01-29T10:00:00Z");

    private final Plan plan;
    private final List<Event> events = new ArrayList<>();

    Journals(Plan plan) {
        this.plan = plan;
        add("ana", new EventPayload.IncidentStarted("inc-1", plan.plan().title(), "sha"));
    }

    Journals() {
        this(SEED);
    }

    Journals add(String operator, EventPayload payload) {
        events.add(new Event("e" + (events.size() + 1), events.size() + 1, START.plusSeconds(60L * events.size()),
                operator, payload));
        return this;
    }

    Journals result(String suiteId, String testId, String phaseId, TestOutcome outcome, String note) {
        return add("ana", new EventPayload.TestResultSet(suiteId, testId, phaseId, outcome, note));
    }

    IncidentState state() {
        return IncidentState.replay(plan, events);
    }
}
