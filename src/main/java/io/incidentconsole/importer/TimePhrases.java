package io.incidentconsole.importer;

import io.incidentconsole.plan.PlannedWindow;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time in plan wording: "Week 2" or "Day 3-4" or "First 30 minutes" plan a window relative to the start of
 * the incident; "for 24 hours", "monitor 30 minutes" and "T+15m" ask the operator to wait.
 */
final class TimePhrases {

    private static final String UNIT = "(minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w)";
    private static final Pattern WEEK_OR_DAY = Pattern.compile("(?i)\\b(week|day)\\s+(\\d{1,3})(?:\\s*[-–]\\s*(\\d{1,3}))?\\b");
    private static final Pattern FIRST = Pattern.compile("(?i)\\b(?:first|within|next)\\s+(\\d{1,4}|an?|one)?\\s*" + UNIT + "\\b");
    private static final Pattern FOR = Pattern.compile("(?i)\\b(?:for|monitor(?:ing)?|wait)\\s+(?:at least\\s+)?(\\d{1,4})\\s*" + UNIT + "\\b");
    private static final Pattern T_PLUS = Pattern.compile("(?i)\\bT\\s*\\+\\s*(\\d{1,4})\\s*" + UNIT + "\\b");

    private TimePhrases() {
    }

    /** The window a title plans, or null. */
    static PlannedWindow window(String text) {
        Matcher m = WEEK_OR_DAY.matcher(text);
        if (m.find()) {
            long unit = m.group(1).equalsIgnoreCase("week") ? 7 : 1;
            int from = Integer.parseInt(m.group(2));
            int to = m.group(3) == null ? from : Integer.parseInt(m.group(3));
            if (from >= 1 && to >= from) {
                return new PlannedWindow(Duration.ofDays((from - 1) * unit), Duration.ofDays((to - from + 1) * unit));
            }
        }
        m = FIRST.matcher(text);
        if (m.find()) {
            return new PlannedWindow(Duration.ZERO, duration(m.group(1), m.group(2)));
        }
        return null;
    }

    /** How long a step says to wait ("for 24 hours", "T+15m"), or null. */
    static Duration waitFor(String text) {
        Matcher m = FOR.matcher(text);
        if (m.find()) {
            return duration(m.group(1), m.group(2));
        }
        m = T_PLUS.matcher(text);
        return m.find() ? duration(m.group(1), m.group(2)) : null;
    }

    private static Duration duration(String amount, String unit) {
        long n = amount == null || !Character.isDigit(amount.charAt(0)) ? 1 : Long.parseLong(amount);
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.startsWith("w")) {
            return Duration.ofDays(7 * n);
        }
        if (u.startsWith("d")) {
            return Duration.ofDays(n);
        }
        if (u.startsWith("h")) {
            return Duration.ofHours(n);
        }
        return Duration.ofMinutes(n);
    }
}
