package io.incidentconsole.incident;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.util.Objects;

/**
 * The event kinds of a drill (0.3, ADR 0011): kinds of {@link EventPayload} like the others, with frozen wire names
 * in {@link EventKinds}, kept in their own file because only a drill records them.
 */
public final class DrillEvents {

    private DrillEvents() {
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    /**
     * A drill plays a scenario (docs/drill-scenarios.md); recorded right after {@link EventPayload.IncidentStarted}. The scenario's
     * text is scenario.yaml beside the journal, with {@code scenarioSha256}.
     */
    public record DrillScenarioAttached(
            @JsonProperty("name") String name,
            @JsonProperty("title") String title,
            @JsonProperty("scenarioSha256") String scenarioSha256) implements EventPayload {
        public DrillScenarioAttached {
            require(name, "name");
        }
    }

    /**
     * A scenario event happened: {@code number} is its place in the scenario file (from 1), {@code description}
     * what it did ("adapter_calls rises +40% over 2m"). Played once; a replay does not play it again.
     */
    public record ScenarioEventPlayed(
            @JsonProperty("number") int number,
            @JsonProperty("description") String description) implements EventPayload {
        public ScenarioEventPlayed {
            if (number < 1) {
                throw new IllegalArgumentException("number is 1-based, got " + number);
            }
        }
    }

    /**
     * A drill's clock was moved forward: waits and scenario times count {@code by} as passed ("fast-forwarded in
     * drill"). Never recorded in a real incident.
     */
    public record DrillClockAdvanced(
            @JsonProperty("by") Duration by,
            @JsonProperty("reason") String reason) implements EventPayload {
        public DrillClockAdvanced {
            Objects.requireNonNull(by, "by");
            if (by.isNegative() || by.isZero()) {
                throw new IllegalArgumentException("a drill clock only moves forward, got " + by);
            }
        }
    }

    /**
     * How a drill runs commands from now on: {@code real} true, for real (confirmed by the operator, with a
     * reason); false, through the stubs again (the default).
     */
    public record DrillRunModeChosen(
            @JsonProperty("real") boolean real,
            @JsonProperty("reason") String reason) implements EventPayload {
        public DrillRunModeChosen {
            if (real) {
                require(reason, "reason");
            }
        }
    }
}
