package io.incidentconsole.metrics;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much history the simulator backfills when it starts: {@link MetricSources#SIMULATOR_HISTORY} unless the
 * system property {@value #PROPERTY} asks for more or less (the memory benchmark asks for {@code 24h}). Accepted:
 * a whole number with {@code s}, {@code m}, {@code h} or {@code d} ({@code 90m}, {@code 24h}) or an ISO-8601
 * duration ({@code PT24H}), from one second up to {@link #MAX}.
 */
public final class SimulatorHistory {

    public static final String PROPERTY = "incident-console.simulator-history";
    /** A week of 1 Hz samples is 604,800 points per metric, about 7 MB each: more is not a demo any more. */
    public static final Duration MAX = Duration.ofDays(7);

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*([smhd])");

    private SimulatorHistory() {
    }

    /**
     * The duration {@code text} names.
     *
     * @throws IllegalArgumentException saying what was expected, when it names none or one out of range
     */
    public static Duration parse(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Duration duration;
        Matcher matcher = SHORT.matcher(trimmed);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            duration = switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a duration: expected e.g. 15m, 24h or PT24H");
            }
        }
        if (duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("'" + text + "' is out of range: from 1s to " + MAX.toDays() + "d");
        }
        return duration;
    }

    /**
     * The history the property value asks for: the default when it is unset, and the default with a line to
     * {@code warn} when it is not a usable duration (a mistyped demo flag must not keep the console from starting).
     */
    public static Duration fromProperty(String value, Consumer<String> warn) {
        if (value == null || value.isBlank()) {
            return MetricSources.SIMULATOR_HISTORY;
        }
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            warn.accept("-D" + PROPERTY + "=" + value + ": " + e.getMessage() + "; backfilling the default "
                    + MetricSources.SIMULATOR_HISTORY.toMinutes() + " minutes");
            return MetricSources.SIMULATOR_HISTORY;
        }
    }
}
