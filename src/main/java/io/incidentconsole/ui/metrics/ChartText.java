package io.incidentconsole.ui.metrics;

import io.incidentconsole.plan.Direction;
import io.incidentconsole.plan.QuantityFormat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** How the charts put times and changes into words: 09:14 UTC, "−12.5% vs baseline" (numbers: {@link QuantityFormat}). */
public final class ChartText {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final long[] TIME_STEPS = {1_000, 5_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000,
            900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000};

    private ChartText() {
    }

    /** "−12.5% vs baseline", or empty without a usable baseline. */
    public static String changeFromBaseline(double value, Double baseline) {
        String change = QuantityFormat.change(baseline, value);
        return change.isEmpty() ? "" : change + " vs baseline";
    }

    /** "1.8M to go" towards the target in the metric's good direction, or "target reached". */
    public static String toTarget(double value, Double target, Direction direction) {
        if (target == null || Double.isNaN(value)) {
            return "";
        }
        double remaining = direction == Direction.UP ? target - value : value - target;
        return remaining <= 0 ? "target reached" : QuantityFormat.compact(remaining) + " to go";
    }

    public static String clock(Instant at) {
        return CLOCK.format(at) + " UTC";
    }

    public static String minutes(Instant at) {
        return MINUTES.format(at) + " UTC";
    }

    /** A tick label: HH:mm within a day-long window, else the day too. */
    public static String tick(long epochMillis, long spanMillis) {
        Instant at = Instant.ofEpochMilli(epochMillis);
        if (spanMillis <= 120_000) {
            return CLOCK.format(at);
        }
        return spanMillis > 86_400_000L * 2 ? DAY.format(at) : MINUTES.format(at);
    }

    /** Tick positions on "nice" steps (1, 2, 5 × 10^k) covering [min, max], about {@code count} of them. */
    public static List<Double> valueTicks(double min, double max, int count) {
        List<Double> ticks = new ArrayList<>();
        if (!(max > min) || count < 1) {
            return ticks;
        }
        double raw = (max - min) / count;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[]{1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        for (double v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
            ticks.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return ticks;
    }

    /** Time tick positions on whole seconds, minutes or hours (UTC), about {@code count} of them. */
    public static List<Long> timeTicks(long from, long to, int count) {
        List<Long> ticks = new ArrayList<>();
        if (to <= from || count < 1) {
            return ticks;
        }
        long raw = (to - from) / count;
        long step = TIME_STEPS[TIME_STEPS.length - 1];
        for (long candidate : TIME_STEPS) {
            if (candidate >= raw) {
                step = candidate;
                break;
            }
        }
        for (long t = Math.floorDiv(from + step - 1, step) * step; t <= to; t += step) {
            ticks.add(t);
        }
        return ticks;
    }

    /**
     * Breaks text into lines no wider than {@code maxWidth} as {@code measure} measures them, at spaces; a word wider
     * than a whole line is cut where it must be. Drawing text into a box narrower than it squashes it sideways: this
     * wraps it instead. Every character but the spaces broken at is kept, in order.
     */
    public static List<String> wrap(String text, double maxWidth, ToDoubleFunction<String> measure) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (measure.applyAsDouble(candidate) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (measure.applyAsDouble(rest) > maxWidth && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && measure.applyAsDouble(rest.substring(0, cut)) > maxWidth) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
