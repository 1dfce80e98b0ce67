package io.incidentconsole.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand-over point between source threads and the UI: sources write from any thread, the UI calls
 * {@link #drain()} once per frame and gets every sample since the previous drain plus the latest status per
 * source/metric. Many updates therefore cost one redraw. It never schedules work on the UI thread itself.
 *
 * <p>A small lock guards two swapped primitive buffers, so a drain is O(1) apart from the status map.
 * If nobody drains for a long time the pending samples are capped; the excess is counted, not hidden.
 */
public final class CoalescingBuffer implements SampleSink {

    public static final int DEFAULT_MAX_PENDING = 2_000_000;
    static final int MAX_PROBLEMS = 200;
    static final int INITIAL_CAPACITY = 1024;
    /**
     * A buffer grown past this by a burst (a backfill of hours of history is a million samples, 20 MB) goes back to
     * {@link #INITIAL_CAPACITY} when it is cleared, instead of staying that size for the life of the console.
     */
    static final int KEEP_CAPACITY = 64 * 1024;

    private final Object lock = new Object();
    private final int maxPending;
    private Pending pending = new Pending(INITIAL_CAPACITY);
    private Pending spare = new Pending(INITIAL_CAPACITY);
    private final Map<String, StatusUpdate> statuses = new LinkedHashMap<>();
    private final List<SourceProblem> problems = new ArrayList<>();
    private long overflow;
    private long droppedProblems;

    public CoalescingBuffer() {
        this(DEFAULT_MAX_PENDING);
    }

    public CoalescingBuffer(int maxPending) {
        if (maxPending <= 0) {
            throw new IllegalArgumentException("maxPending must be positive");
        }
        this.maxPending = maxPending;
    }

    @Override
    public void sample(String metricId, long epochMillis, double value) {
        synchronized (lock) {
            if (pending.size >= maxPending) {
                overflow++;
                return;
            }
            pending.add(metricId, epochMillis, value);
        }
    }

    @Override
    public void status(StatusUpdate update) {
        synchronized (lock) {
            // Re-inserting moves the key to the end so drained statuses come in the order they last changed.
            statuses.remove(update.key());
            statuses.put(update.key(), update);
        }
    }

    @Override
    public void problem(SourceProblem problem) {
        synchronized (lock) {
            if (problems.size() >= MAX_PROBLEMS) {
                droppedProblems++;
                return;
            }
            problems.add(problem);
        }
    }

    /** Everything that arrived since the previous drain. Call it from one thread (once per frame). */
    public Drained drain() {
        Pending taken;
        List<StatusUpdate> changed;
        List<SourceProblem> newProblems;
        long lostSamples;
        long lostProblems;
        synchronized (lock) {
            taken = pending;
            pending = spare;
            pending.clear();
            spare = taken;
            changed = List.copyOf(statuses.values());
            statuses.clear();
            newProblems = List.copyOf(problems);
            problems.clear();
            lostSamples = overflow;
            lostProblems = droppedProblems;
            overflow = 0;
            droppedProblems = 0;
        }
        // The spare buffer is only reused after the next drain, so copying out here is safe without the lock.
        SampleBatch batch = new SampleBatch(Arrays.copyOf(taken.metricIds, taken.size),
                Arrays.copyOf(taken.times, taken.size), Arrays.copyOf(taken.values, taken.size));
        return new Drained(batch, changed, newProblems, lostSamples, lostProblems);
    }

    /** The samples both buffers can hold without growing (for tests). */
    int retainedCapacity() {
        synchronized (lock) {
            return pending.times.length + spare.times.length;
        }
    }

    /** True when a drain would return something; cheap enough to call every frame. */
    public boolean hasPending() {
        synchronized (lock) {
            return pending.size > 0 || !statuses.isEmpty() || !problems.isEmpty() || overflow > 0;
        }
    }

    /** The result of one drain. {@code lostSamples} counts samples refused because nobody drained. */
    public record Drained(SampleBatch samples, List<StatusUpdate> statuses, List<SourceProblem> problems,
                          long lostSamples, long lostProblems) {
        public boolean isEmpty() {
            return samples.size() == 0 && statuses.isEmpty() && problems.isEmpty() && lostSamples == 0
                    && lostProblems == 0;
        }
    }

    private static final class Pending {
        String[] metricIds;
        long[] times;
        double[] values;
        int size;

        Pending(int capacity) {
            metricIds = new String[capacity];
            times = new long[capacity];
            values = new double[capacity];
        }

        void add(String metricId, long time, double value) {
            if (size == times.length) {
                int capacity = size * 2;
                metricIds = Arrays.copyOf(metricIds, capacity);
                times = Arrays.copyOf(times, capacity);
                values = Arrays.copyOf(values, capacity);
            }
            metricIds[size] = metricId;
            times[size] = time;
            values[size] = value;
            size++;
        }

        void clear() {
            if (times.length > KEEP_CAPACITY) {
                metricIds = new String[INITIAL_CAPACITY];
                times = new long[INITIAL_CAPACITY];
                values = new double[INITIAL_CAPACITY];
            } else {
                Arrays.fill(metricIds, 0, size, null);
            }
            size = 0;
        }
    }
}
