package io.incidentconsole.drill;

/** One event of a scenario: {@code number} is its place in the file, from 1 (how the journal names it). */
public record ScenarioEvent(int number, ScenarioTime at, ScenarioAction action) {

    /** "#2 at phase p330-2 started + 5m: adapter_calls rises +40% over 2m". */
    public String describe() {
        return "#" + number + " at " + at + ": " + action.describe();
    }
}
