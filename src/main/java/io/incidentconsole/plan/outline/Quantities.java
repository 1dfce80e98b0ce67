package io.incidentconsole.plan.outline;

import io.incidentconsole.plan.PlannedWindow;

import java.time.Duration;

/** Planned windows and durations the way the plan writes them: Day 3–4, 24h. Numbers: {@code QuantityFormat}. */
public final class Quantities {

    private Quantities() {
    }

    /** "Day 3–4" for whole days from the incident start, otherwise "+6h → +12h". */
    public static String window(PlannedWindow window) {
        if (window == null || window.start() == null || window.duration() == null) {
            return "—";
        }
        Duration start = window.start();
        Duration end = window.end();
        if (isWholeDays(start) && isWholeDays(end) && !window.duration().isZero()) {
            long first = start.toDays() + 1;
            long last = end.toDays();
            return first == last ? "Day " + first : "Day " + first + "–" + last;
        }
        return "+" + duration(start) + " → +" + duration(end);
    }

    private static boolean isWholeDays(Duration d) {
        return d.toHours() % 24 == 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0;
    }

    /** "24h", "90m", "2d", "1h 30m". */
    public static String duration(Duration d) {
        if (d == null) {
            return "—";
        }
        if (d.isZero()) {
            return "0h";
        }
        StringBuilder out = new StringBuilder();
        long days = d.toDays();
        if (days > 0 && d.toHoursPart() == 0 && d.toMinutesPart() == 0) {
            return days + "d";
        }
        long hours = d.toHours();
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (d.toMinutesPart() > 0) {
            out.append(out.length() > 0 ? " " : "").append(d.toMinutesPart()).append('m');
        }
        if (d.toSecondsPart() > 0) {
            out.append(out.length() > 0 ? " " : "").append(d.toSecondsPart()).append('s');
        }
        return out.toString();
    }
}
