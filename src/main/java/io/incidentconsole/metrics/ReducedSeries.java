package io.incidentconsole.metrics;

/**
 * What a chart draws for one series over a time window: at most four points per pixel column (M4:
 * first, min, max, last), in time order, as parallel primitive arrays. Column {@code c} owns the points
 * {@code [columnStart(c), columnStart(c + 1))}; an empty column owns none.
 */
public final class ReducedSeries {

    private final long from;
    private final long to;
    private final long[] times;
    private final double[] values;
    private final int size;
    private final int[] columnStart;
    private final int rawPoints;

    ReducedSeries(long from, long to, long[] times, double[] values, int size, int[] columnStart, int rawPoints) {
        this.from = from;
        this.to = to;
        this.times = times;
        this.values = values;
        this.size = size;
        this.columnStart = columnStart;
        this.rawPoints = rawPoints;
    }

    public long from() {
        return from;
    }

    public long to() {
        return to;
    }

    public int columns() {
        return columnStart.length - 1;
    }

    /** Number of points to draw. */
    public int size() {
        return size;
    }

    /** Number of stored samples the window covered. */
    public int rawPoints() {
        return rawPoints;
    }

    public long time(int i) {
        return times[i];
    }

    public double value(int i) {
        return values[i];
    }

    public int columnStart(int column) {
        return columnStart[column];
    }

    public int columnEnd(int column) {
        return columnStart[column + 1];
    }

    /** The x pixel (0..columns) of a point, for a chart {@code columns} pixels wide. */
    public double x(int i) {
        return (double) (times[i] - from) * columns() / (double) (to - from);
    }
}
