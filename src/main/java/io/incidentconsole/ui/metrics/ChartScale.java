package io.incidentconsole.ui.metrics;

import io.incidentconsole.metrics.ReducedSeries;
import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.Threshold;

import java.util.Optional;

/** Window time and value → plot pixels. */
record ChartScale(double left, double top, double width, double height, long t0, long t1, double min, double max) {

    double x(long t) {
        return left + (double) (t - t0) * width / (double) (t1 - t0);
    }

    double y(double v) {
        return top + height - (v - min) * height / (max - min);
    }

    /**
     * The value range to show: the data's, the baseline, target and thresholds included, padded a little (and
     * kept at 0 when everything is positive).
     */
    static double[] valueRange(Metric metric, Optional<ReducedSeries> reduced) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        if (reduced.isPresent()) {
            ReducedSeries series = reduced.get();
            for (int i = 0; i < series.size(); i++) {
                double v = series.value(i);
                if (!Double.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        for (Double level : new Double[]{metric.baseline(), metric.target()}) {
            if (level != null) {
                min = Math.min(min, level);
                max = Math.max(max, level);
            }
        }
        for (Threshold threshold : metric.thresholds()) {
            min = Math.min(min, threshold.value());
            max = Math.max(max, threshold.value());
        }
        if (min == Double.POSITIVE_INFINITY) {
            return new double[]{0, 1};
        }
        if (max == min) {
            double pad = max == 0 ? 1 : Math.abs(max) * 0.1;
            return new double[]{min - pad, max + pad};
        }
        double pad = (max - min) * 0.06;
        double low = min >= 0 && min - pad < 0 ? 0 : min - pad;
        return new double[]{low, max + pad};
    }
}
