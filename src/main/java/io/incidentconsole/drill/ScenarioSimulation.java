package io.incidentconsole.drill;

import io.incidentconsole.incident.DrillEvents;
import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.metrics.SimulatorModel;

import java.util.HashSet;
import java.util.Set;

/**
 * Drives the metric simulator from a drill's played scenario events: each "metric rises/falls N % over D" becomes a
 * ramp from the moment it was played. Each event is applied once, also when the state is shown again.
 */
public final class ScenarioSimulation {

    private final Scenario scenario;
    private final SimulatorModel model;
    private final Set<Integer> applied = new HashSet<>();

    public ScenarioSimulation(Scenario scenario, SimulatorModel model) {
        this.scenario = scenario;
        this.model = model;
    }

    /** Applies the metric changes played so far and not applied yet; returns how many it applied. */
    public synchronized int apply(IncidentState state) {
        int count = 0;
        for (Event event : state.events()) {
            if (!(event.payload() instanceof DrillEvents.ScenarioEventPlayed played) || state.isUndone(event.id())
                    || !applied.add(played.number())) {
                continue;
            }
            for (ScenarioEvent scripted : scenario.events()) {
                if (scripted.number() == played.number()
                        && scripted.action() instanceof ScenarioAction.MetricChange change
                        && model.metricIds().contains(change.metricId())) {
                    model.ramp(change.metricId(), event.at(), change.over(), change.percent());
                    count++;
                }
            }
        }
        return count;
    }
}
