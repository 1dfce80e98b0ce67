package io.incidentconsole.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a scenario event happens: an offset from the drill's start ({@code phaseId} null), or from the moment a
 * phase started. Written {@code start + 5m} (or just {@code 5m}) and {@code phase p330-2 started + 5m}.
 */
public record ScenarioTime(String phaseId, Duration offset) {

    private static final Pattern FROM_PHASE = Pattern.compile(
            "phase\\s+(\\S+)\\s+started(?:\\s*\\+\\s*(.+))?");
    private static final Pattern FROM_START = Pattern.compile("(?:start\\s*\\+\\s*)?(.+)");

    public ScenarioTime {
        if (offset == null || offset.isNegative()) {
            throw new IllegalArgumentException("an offset is zero or more");
        }
    }

    /**
     * @throws IllegalArgumentException saying what an {@code at} looks like
     */
    public static ScenarioTime parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.equals("start")) {
            return new ScenarioTime(null, Duration.ZERO);
        }
        try {
            Matcher phase = FROM_PHASE.matcher(trimmed);
            if (phase.matches()) {
                return new ScenarioTime(phase.group(1),
                        phase.group(2) == null ? Duration.ZERO : DrillDurations.parse(phase.group(2)));
            }
            Matcher start = FROM_START.matcher(trimmed);
            if (start.matches()) {
                return new ScenarioTime(null, DrillDurations.parse(start.group(1)));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage());
        }
        throw new IllegalArgumentException("'" + text + "' is not a time: expected 'start + 5m', '5m' or "
                + "'phase PHASE_ID started + 5m'");
    }

    /** The instant it stands for; empty while its phase has not started. */
    public Optional<Instant> resolve(Instant drillStart, Function<String, Instant> phaseStartedAt) {
        Instant base = phaseId == null ? drillStart : phaseStartedAt.apply(phaseId);
        return base == null ? Optional.empty() : Optional.of(base.plus(offset));
    }

    /** As written in a scenario: "start + 5m", "phase p330-2 started + 5m". */
    @Override
    public String toString() {
        String base = phaseId == null ? "start" : "phase " + phaseId + " started";
        return offset.isZero() ? base : base + " + " + DrillDurations.format(offset).replace(" ", "");
    }
}
