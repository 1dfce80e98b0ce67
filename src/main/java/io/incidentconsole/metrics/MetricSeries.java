package io.incidentconsole.metrics;

import java.util.Arrays;

/**
 * The samples of one metric in time order, stored column-wise in primitive chunks of 4096 points: a
 * {@code double[]} of values and an {@code int[]} of millisecond offsets from the chunk's first time. A point
 * costs 12 bytes (20 in the rare chunk holding a gap of more than 24 days), plus at most one partly filled
 * chunk per series, and growing never copies the whole history.
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
    /** Per chunk: the time of its first sample; its other times are int offsets from it. */
    private long[] bases = new long[4];
    private int[][] offsets = new int[4][];
    /** Per chunk, only when an offset does not fit an int (a gap over 24 days inside a chunk): full times. */
    private long[][] wideTimes = new long[4][];
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
        return timeAt(index);
    }

    public double value(int index) {
        checkIndex(index);
        return values[index >>> CHUNK_BITS][index & CHUNK_MASK];
    }

    private long timeAt(int index) {
        int chunk = index >>> CHUNK_BITS;
        long[] wide = wideTimes[chunk];
        return wide != null ? wide[index & CHUNK_MASK] : bases[chunk] + offsets[chunk][index & CHUNK_MASK];
    }

    /** The value chunk holding {@code index}, for tight scans in this package (valid up to {@link #size()}). */
    double[] valueChunk(int index) {
        return values[index >>> CHUNK_BITS];
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
            long lastTime = timeAt(last);
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
        ensureCapacity(chunk, offset, epochMillis);
        long delta = epochMillis - bases[chunk];
        if (wideTimes[chunk] == null && delta > Integer.MAX_VALUE) {
            widen(chunk);
        }
        if (wideTimes[chunk] != null) {
            wideTimes[chunk][offset] = epochMillis;
        } else {
            offsets[chunk][offset] = (int) delta;
        }
        values[chunk][offset] = value;
        size++;
        return AppendResult.APPENDED;
    }

    private void ensureCapacity(int chunk, int offset, long firstTime) {
        if (chunk == chunks) {
            if (chunks == offsets.length) {
                bases = Arrays.copyOf(bases, chunks * 2);
                offsets = Arrays.copyOf(offsets, chunks * 2);
                wideTimes = Arrays.copyOf(wideTimes, chunks * 2);
                values = Arrays.copyOf(values, chunks * 2);
            }
            // The first chunk starts small so a short series stays cheap; later chunks are full-size.
            int capacity = chunk == 0 ? FIRST_CAPACITY : CHUNK;
            bases[chunk] = firstTime;
            offsets[chunk] = new int[capacity];
            values[chunk] = new double[capacity];
            chunks++;
        } else if (offset == values[chunk].length) {
            int capacity = Math.min(CHUNK, values[chunk].length * 2);
            if (wideTimes[chunk] != null) {
                wideTimes[chunk] = Arrays.copyOf(wideTimes[chunk], capacity);
            } else {
                offsets[chunk] = Arrays.copyOf(offsets[chunk], capacity);
            }
            values[chunk] = Arrays.copyOf(values[chunk], capacity);
        }
    }

    private void widen(int chunk) {
        int[] narrow = offsets[chunk];
        long[] wide = new long[narrow.length];
        int filled = size - (chunk << CHUNK_BITS);
        for (int i = 0; i < filled; i++) {
            wide[i] = bases[chunk] + narrow[i];
        }
        wideTimes[chunk] = wide;
        offsets[chunk] = null;
    }

    /** The index of the first sample at or after {@code epochMillis} ({@link #size()} when there is none). */
    public int indexAtOrAfter(long epochMillis) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (timeAt(mid) < epochMillis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Heap bytes held by this series' sample storage, counted from the array lengths with 16-byte array
     * headers and 8-byte references (chunk directories included).
     */
    public long storageBytes() {
        long bytes = 4L * (16 + 8L * bases.length);
        for (int c = 0; c < chunks; c++) {
            bytes += 16 + 8L * values[c].length;
            bytes += wideTimes[c] != null ? 16 + 8L * wideTimes[c].length : 16 + 4L * offsets[c].length;
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
