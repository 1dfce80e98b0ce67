package io.incidentconsole.metrics;

import java.util.Arrays;

/**
 * The samples of one metric in time order, stored column-wise in primitive chunks (a {@code long[]} of
 * epoch milliseconds and a {@code double[]} of values per chunk) so a point costs 16 bytes plus at most
 * one partly filled chunk per series, and growing never copies the whole history.
 *
 * <p>Order policy: a sample newer than the last one is appended; a sample with the same timestamp as the
 * last one replaces its value (sources re-deliver the newest point, e.g. Prometheus after a backfill);
 * an older sample is dropped and counted, because charts and rules read history as settled.
 *
 * <p>Not thread-safe: it is owned by the thread that drains the {@link CoalescingBuffer} (the UI thread).
 */
public final class MetricSeries {

    static final int CHUNK_BITS = 12;
    static final int CHUNK = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK - 1;
    private static final int FIRST_CAPACITY = 16;

    private final String metricId;
    private long[][] times = new long[4][];
    private double[][] values = new double[4][];
    private int chunks;
    private int size;
    private long dropped;

    public MetricSeries(String metricId) {
        this.metricId = metricId;
    }

    public String metricId() {
        return metricId;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** How many samples were dropped because they were older than the newest stored one. */
    public long droppedOutOfOrder() {
        return dropped;
    }

    public long time(int index) {
        checkIndex(index);
        return times[index >>> CHUNK_BITS][index & CHUNK_MASK];
    }

    public double value(int index) {
        checkIndex(index);
        return values[index >>> CHUNK_BITS][index & CHUNK_MASK];
    }

    public long firstTime() {
        return time(0);
    }

    public long lastTime() {
        return time(size - 1);
    }

    public double lastValue() {
        return value(size - 1);
    }

    public AppendResult append(long epochMillis, double value) {
        if (size > 0) {
            int last = size - 1;
            long lastTime = times[last >>> CHUNK_BITS][last & CHUNK_MASK];
            if (epochMillis == lastTime) {
                values[last >>> CHUNK_BITS][last & CHUNK_MASK] = value;
                return AppendResult.REPLACED;
            }
            if (epochMillis < lastTime) {
                dropped++;
                return AppendResult.DROPPED_OUT_OF_ORDER;
            }
        }
        int chunk = size >>> CHUNK_BITS;
        int offset = size & CHUNK_MASK;
        ensureCapacity(chunk, offset);
        times[chunk][offset] = epochMillis;
        values[chunk][offset] = value;
        size++;
        return AppendResult.APPENDED;
    }

    private void ensureCapacity(int chunk, int offset) {
        if (chunk == chunks) {
            if (chunks == times.length) {
                times = Arrays.copyOf(times, chunks * 2);
                values = Arrays.copyOf(values, chunks * 2);
            }
            // The first chunk starts small so a short series stays cheap; later chunks are full-size.
            int capacity = chunk == 0 ? FIRST_CAPACITY : CHUNK;
            times[chunk] = new long[capacity];
            values[chunk] = new double[capacity];
            chunks++;
        } else if (offset == times[chunk].length) {
            int capacity = Math.min(CHUNK, times[chunk].length * 2);
            times[chunk] = Arrays.copyOf(times[chunk], capacity);
            values[chunk] = Arrays.copyOf(values[chunk], capacity);
        }
    }

    /** The index of the first sample at or after {@code epochMillis} ({@link #size()} when there is none). */
    public int indexAtOrAfter(long epochMillis) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid >>> CHUNK_BITS][mid & CHUNK_MASK] < epochMillis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Heap bytes held by this series' sample storage (array headers included, chunk directory included),
     * counted from the array lengths with 16-byte array headers and 8-byte references.
     */
    public long storageBytes() {
        long bytes = 2L * (16 + 8L * times.length);
        for (int c = 0; c < chunks; c++) {
            bytes += 2L * (16 + 8L * times[c].length);
        }
        return bytes;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size + " samples of " + metricId);
        }
    }

    public enum AppendResult {
        APPENDED, REPLACED, DROPPED_OUT_OF_ORDER
    }

    @Override
    public String toString() {
        return "MetricSeries[" + metricId + ", " + size + " samples]";
    }
}
