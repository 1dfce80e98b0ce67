package io.incidentconsole.drill;

import io.incidentconsole.incident.DrillEvents;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.StartRecord;
import io.incidentconsole.incident.PhaseState;
import io.incidentconsole.incident.TestOutcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plays a scenario on the injected clock: which of its events are due now (their time passed on the drill clock and
 * they were not played yet), and what recording one means. The caller records the payloads in order; the last is
 * always the {@link DrillEvents.ScenarioEventPlayed} that stops it being played again.
 */
public final class ScenarioDirector {

    /** A scripted alert or failed test says it came from the drill's scenario. */
    public static final String DRILL_MARK = "[drill scenario] ";

    private final Scenario scenario;

    public ScenarioDirector(Scenario scenario) {
        this.scenario = scenario;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The events due at {@code now} and not played yet, in file order. */
    public List<ScenarioEvent> due(IncidentState state, DrillState drill, Instant now) {
        List<ScenarioEvent> due = new ArrayList<>();
        for (ScenarioEvent event : scenario.events()) {
            if (drill.played().containsKey(event.number())) {
                continue;
            }
            Optional<Instant> at = dueAt(event, state, drill);
            if (at.isPresent() && !at.get().isAfter(now)) {
                due.add(event);
            }
        }
        return due;
    }

    /**
     * When an event is due on the wall clock: its scenario time, less the fast-forwards made since its base
     * (the drill's or its phase's start); empty while its phase has not started.
     */
    public Optional<Instant> dueAt(ScenarioEvent event, IncidentState state, DrillState drill) {
        Instant start = state.started().map(StartRecord::at).orElse(null);
        Optional<Instant> base = event.at().resolve(start, phaseId -> {
            PhaseState phase = state.phases().get(phaseId);
            return phase == null ? null : phase.startedAt();
        });
        return base.map(at -> at.minus(drill.advancedSince(at.minus(event.at().offset()))));
    }

    /** The next event not played yet whose time is known, with that time. */
    public Optional<Next> next(IncidentState state, DrillState drill) {
        Next next = null;
        for (ScenarioEvent event : scenario.events()) {
            if (drill.played().containsKey(event.number())) {
                continue;
            }
            Optional<Instant> at = dueAt(event, state, drill);
            if (at.isPresent() && (next == null || at.get().isBefore(next.at()))) {
                next = new Next(event, at.get());
            }
        }
        return Optional.ofNullable(next);
    }

    /** A scenario event and when it is due. */
    public record Next(ScenarioEvent event, Instant at) {
    }

    /** What playing {@code event} records: its effect (an alert, a failed test), then that it was played. */
    public static List<EventPayload> payloads(ScenarioEvent event) {
        List<EventPayload> payloads = new ArrayList<>();
        if (event.action() instanceof ScenarioAction.AlertFires alert) {
            payloads.add(new EventPayload.AlertFired(alert.alertId(), alert.metricId(), null,
                    DRILL_MARK + (alert.message() == null ? "scripted alert" : alert.message())));
        } else if (event.action() instanceof ScenarioAction.TestFails test) {
            payloads.add(new EventPayload.TestResultSet(test.suiteId(), test.testId(), null, TestOutcome.FAIL,
                    DRILL_MARK + (test.note() == null ? "failed by the scenario" : test.note())));
        }
        payloads.add(new DrillEvents.ScenarioEventPlayed(event.number(), event.action().describe()));
        return payloads;
    }
}
