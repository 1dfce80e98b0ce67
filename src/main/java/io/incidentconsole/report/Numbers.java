package io.incidentconsole.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers the way the plan writes them: 3.2M calls, 500K, 0.4 %. */
final class Numbers {

    private Numbers() {
    }

    /** Three significant digits with a K/M/B suffix for large values: 3.2M, 1.88M, 500K, 0.012. */
    static String compact(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e9) {
            return significant(value / 1e9) + "B";
        }
        if (magnitude >= 1e6) {
            return significant(value / 1e6) + "M";
        }
        if (magnitude >= 1e4) {
            return significant(value / 1e3) + "K";
        }
        return significant(value);
    }

    private static String significant(double value) {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }

    /** "-68 %" from baseline to value; empty when the baseline is missing or zero. */
    static String change(Double baseline, double value) {
        if (baseline == null || baseline == 0 || Double.isNaN(value)) {
            return "";
        }
        double percent = (value - baseline) / Math.abs(baseline) * 100;
        return String.format(Locale.ROOT, "%+.0f %%", percent);
    }
}
