package io.incidentconsole.drill;

import io.incidentconsole.plan.QuantityFormat;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The durations a drill reads ("5m", "1h30m", "90s", "2d") and writes ("1h 05m", "−3m 20s"). */
public final class DrillDurations {

    private static final Pattern WHOLE = Pattern.compile("(?:\\d+\\s*[dhms]\\s*)+");
    private static final Pattern PART = Pattern.compile("(\\d+)\\s*([dhms])");

    private DrillDurations() {
    }

    /**
     * @throws IllegalArgumentException saying what a duration looks like, when {@code text} is none
     */
    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (!WHOLE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: expected whole numbers with s, m, h "
                    + "or d, e.g. 90s, 5m, 1h30m, 2d");
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(trimmed);
        while (part.find()) {
            long amount;
            try {
                amount = Long.parseLong(part.group(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is too long a duration");
            }
            if (amount > 3650L * 24 * 3600) {
                throw new IllegalArgumentException("'" + text + "' is too long a duration");
            }
            total = total.plus(switch (part.group(2)) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            });
        }
        return total;
    }

    /** "0s", "45s", "5m", "5m 20s", "1h 05m", "2d 3h": two units at most, a real minus sign when negative. */
    public static String format(Duration duration) {
        if (duration == null) {
            return QuantityFormat.NONE;
        }
        String sign = duration.isNegative() ? QuantityFormat.MINUS : "";
        long seconds = Math.abs(duration.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds / 3600 % 24;
        long minutes = seconds / 60 % 60;
        long secs = seconds % 60;
        String text;
        if (days > 0) {
            text = days + "d" + (hours > 0 ? " " + hours + "h" : "");
        } else if (hours > 0) {
            text = hours + "h" + (minutes > 0 ? String.format(" %02dm", minutes) : "");
        } else if (minutes > 0) {
            text = minutes + "m" + (secs > 0 ? String.format(" %02ds", secs) : "");
        } else {
            text = secs + "s";
        }
        return sign + text;
    }

    /** {@link #format} with a sign always: "+3m 20s", "−45s", "0s" (a drift). */
    public static String signed(Duration duration) {
        if (duration == null) {
            return QuantityFormat.NONE;
        }
        return duration.isNegative() || duration.isZero() ? format(duration) : "+" + format(duration);
    }
}
