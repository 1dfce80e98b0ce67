package io.incidentconsole.metrics;

import java.util.Map;

/** One series of a Prometheus answer: its labels and its points as parallel arrays (epoch millis, value). */
public record PrometheusSeries(Map<String, String> labels, long[] times, double[] values) {
    public PrometheusSeries {
        labels = Map.copyOf(labels);
    }

    public int size() {
        return times.length;
    }
}
