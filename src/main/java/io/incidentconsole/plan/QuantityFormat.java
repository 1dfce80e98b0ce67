package io.incidentconsole.plan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one way the console writes a quantity, in every view, export and report: 3.2M, 750K, 1.5K, 2.49, 0.0123.
 *
 * <p>Rules (one table-driven test pins them): three significant digits, trailing zeros dropped; a suffix K, M or
 * G from 1,000 up (the suffixes a plan may use, so what is shown can be typed back into a plan); a real minus
 * sign (U+2212), never a hyphen; no value is "—". A threshold the operator compares against is never rounded:
 * {@link #exact} keeps every digit.
 */
public final class QuantityFormat {

    /** What is shown where there is no value. */
    public static final String NONE = "—";
    public static final String MINUS = "\u2212";

    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_UP);
    private static final String[] SUFFIXES = {"", "K", "M", "G"};

    private QuantityFormat() {
    }

    /** 3,200,000 → "3.2M"; 1,500 → "1.5K"; 2.49 → "2.49"; 0.0123 → "0.0123"; −12,500 → "−12.5K". */
    public static String compact(double value) {
        if (Double.isNaN(value)) {
            return NONE;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : MINUS + "∞";
        }
        if (value == 0) {
            return "0";
        }
        String sign = value < 0 ? MINUS : "";
        // Round first, then pick the suffix, so 999,950 reads "1M" and not "1000K".
        BigDecimal rounded = new BigDecimal(Math.abs(value)).round(THREE_DIGITS);
        int scale = 0;
        while (scale < SUFFIXES.length - 1 && rounded.compareTo(BigDecimal.valueOf(1000)) >= 0) {
            rounded = rounded.movePointLeft(3);
            scale++;
        }
        return sign + plain(rounded) + SUFFIXES[scale];
    }

    /** {@link #compact(double)}, or "—" for null. */
    public static String compact(Double value) {
        return value == null ? NONE : compact(value.doubleValue());
    }

    /**
     * Every digit, with the suffix only when it loses nothing: 2,800,000 → "2.8M", 2,812,345 → "2,812,345",
     * 0.25 → "0.25". For thresholds and conditions, where a rounded figure would mislead.
     */
    public static String exact(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return compact(value);
        }
        if (value == 0) {
            return "0";
        }
        String sign = value < 0 ? MINUS : "";
        BigDecimal abs = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        BigDecimal scaled = abs;
        int scale = 0;
        while (scale < SUFFIXES.length - 1 && scaled.compareTo(BigDecimal.valueOf(1000)) >= 0) {
            scaled = scaled.movePointLeft(3);
            scale++;
        }
        if (scale > 0 && scaled.stripTrailingZeros().precision() <= 3) {
            return sign + plain(scaled) + SUFFIXES[scale];
        }
        return sign + grouped(plain(abs));
    }

    /** "2812345.5" → "2,812,345.5": thousands grouped in the whole part only. */
    private static String grouped(String plain) {
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(whole.charAt(i));
        }
        return out + (point < 0 ? "" : plain.substring(point));
    }

    /** The change from baseline to value as a signed percentage: "−12.5%", "+68%", "0%"; empty without a baseline. */
    public static String change(Double baseline, double value) {
        if (baseline == null || baseline == 0 || Double.isNaN(value)) {
            return "";
        }
        return percent((value - baseline) / Math.abs(baseline) * 100);
    }

    /** A signed percentage with at most one decimal: "+3%", "−12.5%", "0%". */
    public static String percent(double percent) {
        BigDecimal rounded = BigDecimal.valueOf(Math.abs(percent)).setScale(1, RoundingMode.HALF_UP);
        if (rounded.signum() == 0) {
            return "0%";
        }
        return (percent < 0 ? MINUS : "+") + plain(rounded) + "%";
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }
}
