package io.incidentconsole.metrics;

/** Samples in arrival order as parallel arrays (no object per sample). */
public final class SampleBatch {

    private final String[] metricIds;
    private final long[] times;
    private final double[] values;

    SampleBatch(String[] metricIds, long[] times, double[] values) {
        this.metricIds = metricIds;
        this.times = times;
        this.values = values;
    }

    public int size() {
        return times.length;
    }

    public String metricId(int i) {
        return metricIds[i];
    }

    public long time(int i) {
        return times[i];
    }

    public double value(int i) {
        return values[i];
    }
}
