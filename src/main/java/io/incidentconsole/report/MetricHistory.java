package io.incidentconsole.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a report gets metric values from: the console's live store ({@link StoreMetricHistory}), a metrics file
 * ({@link FileMetricHistory}) or the simulator replayed over the incident ({@link SimulatedMetricHistory}).
 */
public interface MetricHistory {

    /** The values of a plan metric, oldest first; empty when this source has none. */
    Optional<Series> series(String metricId);

    /** Where the numbers come from, said in the report ("simulated (seed 7)", "metrics file m.csv"). */
    String description();

    /** Whether the numbers are made up by the simulator; reports label them so. */
    boolean simulated();

    /** Input that was skipped while reading (a malformed line in a metrics file), for the report to mention. */
    default List<String> problems() {
        return List.of();
    }

    /** A history with no values at all. */
    static MetricHistory none() {
        return new MetricHistory() {
            @Override
            public Optional<Series> series(String metricId) {
                return Optional.empty();
            }

            @Override
            public String description() {
                return "no metric source";
            }

            @Override
            public boolean simulated() {
                return false;
            }
        };
    }

    /** Times (epoch milliseconds, ascending) and their values. */
    record Series(long[] times, double[] values) {
        public Series {
            if (times.length != values.length) {
                throw new IllegalArgumentException(times.length + " times but " + values.length + " values");
            }
            times = times.clone();
            values = values.clone();
        }

        public int size() {
            return times.length;
        }

        public boolean isEmpty() {
            return times.length == 0;
        }

        public long time(int i) {
            return times[i];
        }

        public double value(int i) {
            return values[i];
        }

        public double first() {
            return values[0];
        }

        public double last() {
            return values[values.length - 1];
        }

        /** The last value at or before {@code epochMillis}, if there is one. */
        public Optional<Double> valueAt(long epochMillis) {
            int found = -1;
            for (int i = 0; i < times.length && times[i] <= epochMillis; i++) {
                found = i;
            }
            return found < 0 ? Optional.empty() : Optional.of(values[found]);
        }

        /** The values no later than {@code epochMillis}. */
        public Series upTo(long epochMillis) {
            int n = 0;
            while (n < times.length && times[n] <= epochMillis) {
                n++;
            }
            return new Series(Arrays.copyOf(times, n), Arrays.copyOf(values, n));
        }
    }
}
