package io.incidentconsole.importer;

import java.math.BigDecimal;

/** Numbers as people write them in plans: 3200000 is "3.2M", 500000 is "500K", 2.49 stays "2.49". */
final class Numbers {

    private Numbers() {
    }

    static String compact(double value) {
        double abs = Math.abs(value);
        String[] suffixes = {"G", "M", "K"};
        double[] scales = {1e9, 1e6, 1e3};
        for (int i = 0; i < scales.length; i++) {
            if (abs >= scales[i]) {
                double scaled = value / scales[i];
                double rounded = Math.round(scaled * 1000) / 1000.0;
                if (Math.abs(rounded * scales[i] - value) < 1e-6 * Math.max(1, abs)) {
                    return plain(rounded) + suffixes[i];
                }
            }
        }
        return plain(value);
    }

    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
