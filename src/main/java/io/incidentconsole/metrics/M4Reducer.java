package io.incidentconsole.metrics;

import java.util.Arrays;

/**
 * Reduces a window of a series to what the pixels can show: for each pixel column the first, minimum,
 * maximum and last sample (M4). A line drawn through those points is pixel-identical to one drawn through
 * every sample, and the cost depends on the points in the window once and on the width, not on history.
 *
 * <p>A timestamp {@code t} belongs to column {@code floor((t - from) * columns / (to - from))}. NaN values
 * are gaps ("no value at that time") and are left out; infinities are kept.
 */
public final class M4Reducer {

    public ReducedSeries reduce(MetricSeries series, long from, long to, int columns) {
        if (columns <= 0) {
            throw new IllegalArgumentException("columns must be positive, got " + columns);
        }
        if (to <= from) {
            throw new IllegalArgumentException("empty window [" + from + ", " + to + ")");
        }
        long span = to - from;
        long[] outTimes = new long[4 * columns];
        double[] outValues = new double[4 * columns];
        int[] columnStart = new int[columns + 1];
        int out = 0;
        int first = series.indexAtOrAfter(from);
        int end = series.indexAtOrAfter(to);
        int start = first;
        int[] picked = new int[4];
        for (int c = 0; c < columns; c++) {
            columnStart[c] = out;
            int stop = c == columns - 1 ? end : Math.min(end, series.indexAtOrAfter(from + boundary(c + 1, span, columns)));
            int firstIdx = -1;
            int lastIdx = -1;
            int minIdx = -1;
            int maxIdx = -1;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = start; i < stop; ) {
                // Scan chunk by chunk straight from the primitive arrays: this loop is the whole cost.
                double[] chunk = series.valueChunk(i);
                int chunkStart = i & ~(MetricSeries.CHUNK - 1);
                int chunkStop = Math.min(stop, chunkStart + MetricSeries.CHUNK);
                for (; i < chunkStop; i++) {
                    double v = chunk[i - chunkStart];
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    if (firstIdx < 0) {
                        firstIdx = i;
                        minIdx = i;
                        maxIdx = i;
                        min = v;
                        max = v;
                    } else if (v < min) {
                        min = v;
                        minIdx = i;
                    } else if (v > max) {
                        max = v;
                        maxIdx = i;
                    }
                    lastIdx = i;
                }
            }
            start = stop;
            if (firstIdx < 0) {
                continue;
            }
            int n = sortedDistinct(picked, firstIdx, minIdx, maxIdx, lastIdx);
            for (int k = 0; k < n; k++) {
                outTimes[out] = series.time(picked[k]);
                outValues[out] = series.value(picked[k]);
                out++;
            }
        }
        columnStart[columns] = out;
        return new ReducedSeries(from, to, outTimes, outValues, out, columnStart, end - first);
    }

    /** Offset from {@code from} where column {@code c} starts: ceil(c * span / columns), without overflow. */
    static long boundary(int c, long span, int columns) {
        long whole = (span / columns) * c;
        long rest = (span % columns) * c;
        return whole + (rest + columns - 1) / columns;
    }

    /** Writes the distinct indices among a..d to {@code picked} in ascending order; returns how many. */
    private static int sortedDistinct(int[] picked, int a, int b, int c, int d) {
        int n = 0;
        picked[n++] = a;
        if (b != a) {
            picked[n++] = b;
        }
        if (c != a && c != b) {
            picked[n++] = c;
        }
        if (d != a && d != b && d != c) {
            picked[n++] = d;
        }
        Arrays.sort(picked, 0, n);
        return n;
    }
}
