package io.incidentconsole.drill;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentStore;
import io.incidentconsole.plan.Plan;

import java.util.Optional;

/** Starting a drill: the one way the console and {@code new --drill} make one. */
public final class Drills {

    /** What every drill shows first, in the band, the title, the reports and exports. */
    public static final String MARK = "DRILL";

    private Drills() {
    }

    /**
     * A new drill of the plan, with its scenario (if any) kept in its folder and recorded right after its start.
     */
    public static Incident start(IncidentStore store, Plan plan, String planSource, String planText, String operator,
                                 Optional<Scenario> scenario) {
        Incident incident = store.create(plan, planSource, planText, operator, true);
        try {
            scenario.ifPresent(s -> {
                Scenarios.attach(incident, s);
                incident.record(new EventPayload.DrillScenarioAttached(s.name(), s.title(), s.sha256()));
            });
        } catch (RuntimeException e) {
            incident.close();
            throw e;
        }
        return incident;
    }

    /** "DRILL — " before a title in a drill, nothing in a real incident. */
    public static String prefix(boolean drill) {
        return drill ? MARK + " \u2014 " : "";
    }
}
