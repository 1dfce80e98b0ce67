package io.incidentconsole.drill;

import io.incidentconsole.incident.DrillEvents;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.incident.Incident;
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
                incident.record(new DrillEvents.DrillScenarioAttached(s.name(), s.title(), s.sha256()));
            });
        } catch (RuntimeException e) {
            incident.close();
            throw e;
        }
        return incident;
    }

    /**
     * A Markdown document of a drill: "DRILL — " in its first heading and a quoted line under it saying it was a
     * rehearsal. Unchanged for a real incident.
     */
    public static String markMarkdown(String markdown, boolean drill) {
        if (!drill) {
            return markdown;
        }
        String note = "> **" + MARK + ":** a rehearsal (game day), not a real incident.\n\n";
        if (markdown.startsWith("# ")) {
            int end = markdown.indexOf('\n');
            String heading = end < 0 ? markdown : markdown.substring(0, end + 1);
            String rest = end < 0 ? "\n" : markdown.substring(end + 1);
            return "# " + prefix(true) + heading.substring(2) + (rest.startsWith("\n") ? "\n" + note + rest.substring(1)
                    : "\n" + note + rest);
        }
        return note + markdown;
    }

    /** "DRILL — " before a title in a drill, nothing in a real incident. */
    public static String prefix(boolean drill) {
        return drill ? MARK + " \u2014 " : "";
    }
}
