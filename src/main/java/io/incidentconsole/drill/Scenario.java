package io.incidentconsole.drill;

import java.util.List;

/**
 * A drill scenario (docs/drill-scenarios.md): what happens during a rehearsal and when. {@code text} is the file as
 * read (an incident keeps a copy), {@code sha256} its hash.
 */
public record Scenario(String name, String title, String description, String planTitle, List<ScenarioEvent> events,
                       String text, String sha256) {

    public Scenario {
        events = List.copyOf(events);
    }

    /** The title, else the name. */
    public String displayName() {
        return title == null || title.isBlank() ? name : title;
    }
}
