package io.incidentconsole.drill;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.DrillEvents.DrillClockAdvanced;
import io.incidentconsole.incident.DrillEvents.DrillRunModeChosen;
import io.incidentconsole.incident.DrillEvents.DrillScenarioAttached;
import io.incidentconsole.incident.DrillEvents.ScenarioEventPlayed;
import io.incidentconsole.incident.IncidentState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a drill's own events say: its scenario, which scenario events were played (and when), how far its clock was
 * fast-forwarded, and whether runs go through the stubs. Folded from the journal (undone events do not count), so a
 * restarted console plays nothing twice.
 */
public record DrillState(boolean drill, Optional<DrillScenarioAttached> scenario, Map<Integer, Instant> played,
                         List<Advance> advances, boolean realRuns, Optional<Event> lastRunModeChoice) {

    /** One fast-forward: at {@code at} (wall clock), by {@code by}. */
    public record Advance(Instant at, Duration by, String reason, String operator) {
    }

    public DrillState {
        played = Collections.unmodifiableMap(new TreeMap<>(played));
        advances = List.copyOf(advances);
    }

    public static DrillState of(boolean drill, IncidentState state) {
        DrillScenarioAttached scenario = null;
        Map<Integer, Instant> played = new TreeMap<>();
        List<Advance> advances = new ArrayList<>();
        boolean real = false;
        Event choice = null;
        for (Event event : state.events()) {
            if (state.isUndone(event.id())) {
                continue;
            }
            if (event.payload() instanceof DrillScenarioAttached p) {
                scenario = p;
            } else if (event.payload() instanceof ScenarioEventPlayed p) {
                played.putIfAbsent(p.number(), event.at());
            } else if (event.payload() instanceof DrillClockAdvanced p) {
                advances.add(new Advance(event.at(), p.by(), p.reason(), event.operator()));
            } else if (event.payload() instanceof DrillRunModeChosen p) {
                real = p.real();
                choice = event;
            }
        }
        return new DrillState(drill, Optional.ofNullable(scenario), played, advances, drill && real,
                Optional.ofNullable(choice));
    }

    /** Commands go through stubs: a drill, unless the operator chose to run for real. Never in a real incident. */
    public boolean stubbed() {
        return drill && !realRuns;
    }

    /**
     * How far the drill clock was moved forward after {@code since}: what a wait or scenario time started then
     * gains (a fast-forward at the very instant something started is taken to have come before it).
     */
    public Duration advancedSince(Instant since) {
        Duration total = Duration.ZERO;
        for (Advance advance : advances) {
            if (since == null || advance.at().isAfter(since)) {
                total = total.plus(advance.by());
            }
        }
        return total;
    }

    public Duration totalAdvanced() {
        return advancedSince(null);
    }
}
